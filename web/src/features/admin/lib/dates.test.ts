import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './dates';

describe('datetime-local conversions', () => {
  it('round-trips a local time through ISO with the local offset', () => {
    const iso = localInputToIso('2026-05-04T09:30');
    expect(iso).toMatch(/^2026-05-04T09:30:00[+-]\d{2}:\d{2}$/);
    expect(isoToLocalInput(iso)).toBe('2026-05-04T09:30');
  });
  it('keeps the instant', () => {
    const iso = localInputToIso('2026-12-20T18:00') as string;
    expect(new Date(iso).getTime()).toBe(new Date('2026-12-20T18:00').getTime());
  });
  it('treats empty as no date', () => {
    expect(localInputToIso('')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });
});
