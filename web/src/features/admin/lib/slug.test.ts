import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, nextCode, slugify } from './slug';

describe('slugify', () => {
  it('suggests a valid address from a code', () => {
    expect(slugify('RT 1.1')).toBe('rt-1-1');
    expect(slugify('  Réunion — Table ronde 3 ')).toBe('reunion-table-ronde-3');
    for (const s of ['RT 1.1', 'IMRF Roundtable 3', 'Ça va?']) expect(SLUG_PATTERN.test(slugify(s))).toBe(true);
  });
});

describe('nextCode', () => {
  it('counts the last number up, keeping what follows it', () => {
    expect(nextCode('RT 1.1')).toBe('RT 1.2');
    expect(nextCode('RT 1.9')).toBe('RT 1.10');
    expect(nextCode('IMRF RT 3')).toBe('IMRF RT 4');
    expect(nextCode('Session 2 (b)')).toBe('Session 3 (b)');
    expect(nextCode('Plenary')).toBe('Plenary');
  });
});
