import { describe, expect, it } from 'vitest';
import { formatBytes } from './intl';

// Intl inserts a no-break space between number and unit in some languages.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('spells bytes out with the plural of the language', () => {
    expect(plain(formatBytes(609, 'en'))).toBe('609 bytes');
    expect(plain(formatBytes(1, 'en'))).toBe('1 byte');
    expect(plain(formatBytes(609, 'fr'))).toBe('609 octets');
    expect(plain(formatBytes(1, 'fr'))).toBe('1 octet');
    expect(plain(formatBytes(609, 'es'))).toBe('609 bytes');
    expect(plain(formatBytes(1, 'es'))).toBe('1 byte');
  });

  it('uses kB and MB, with one decimal below ten, in the language’s notation', () => {
    expect(plain(formatBytes(2_577, 'en'))).toBe('2.5 kB');
    expect(plain(formatBytes(12_800, 'en'))).toBe('13 kB');
    expect(plain(formatBytes(1_258_291, 'en'))).toBe('1.2 MB');
    expect(plain(formatBytes(10 * 1024 * 1024, 'en'))).toBe('10 MB');
    expect(plain(formatBytes(2_577, 'fr'))).toBe('2,5 ko');
    expect(plain(formatBytes(1_258_291, 'fr'))).toBe('1,2 Mo');
    expect(plain(formatBytes(1_258_291, 'es'))).toBe('1,2 MB');
  });
});
