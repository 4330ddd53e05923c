import { describe, expect, it } from 'vitest';
import { fillDays } from './days';

describe('fillDays', () => {
  it('fills the days without contributions with zero', () => {
    expect(
      fillDays([
        { date: '2026-11-20', contributions: 2 },
        { date: '2026-11-23', contributions: 1 },
      ]),
    ).toEqual([
      { date: '2026-11-20', contributions: 2 },
      { date: '2026-11-21', contributions: 0 },
      { date: '2026-11-22', contributions: 0 },
      { date: '2026-11-23', contributions: 1 },
    ]);
  });
  it('is empty for no data', () => {
    expect(fillDays([])).toEqual([]);
  });
});
