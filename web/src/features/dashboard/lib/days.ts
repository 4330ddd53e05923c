/** Every day from the first to the last (UTC, YYYY-MM-DD), with 0 where nothing was published. */
export function fillDays(points: { date: string; contributions: number }[]): { date: string; contributions: number }[] {
  if (points.length === 0) return [];
  const byDate = new Map(points.map((p) => [p.date.slice(0, 10), p.contributions]));
  const sorted = [...byDate.keys()].sort();
  const first = new Date(`${sorted[0]}T00:00:00Z`);
  const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const out: { date: string; contributions: number }[] = [];
  // At most a year of days: a longer consultation is shown as it came.
  for (let d = first, n = 0; d <= last && n < 366; d = new Date(d.getTime() + 86_400_000), n++) {
    const key = d.toISOString().slice(0, 10);
    out.push({ date: key, contributions: byDate.get(key) ?? 0 });
  }
  return out.length < 366 ? out : points;
}
