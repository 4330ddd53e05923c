import { describe, expect, it } from 'vitest';
import { countryCode } from './common.js';

describe('countryCode', () => {
  it.each(['KE', 'fr', ' mx ', 'XK'])('accepts the country code %j', (code) => {
    expect(countryCode.safeParse(code).success).toBe(true);
  });

  it.each(['ZZ', 'EU', 'UN', 'QO', 'XA', 'AA', 'A', 'KEN', '', '\u0000K'])(
    'refuses %j, which is no country',
    (code) => {
      expect(countryCode.safeParse(code).success).toBe(false);
    },
  );
});
