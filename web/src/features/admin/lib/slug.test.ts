import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it('suggests a valid address from a code', () => {
    expect(slugify('RT 1.1')).toBe('rt-1-1');
    expect(slugify('  Réunion — Table ronde 3 ')).toBe('reunion-table-ronde-3');
    for (const s of ['RT 1.1', 'IMRF Roundtable 3', 'Ça va?']) expect(SLUG_PATTERN.test(slugify(s))).toBe(true);
  });
});
