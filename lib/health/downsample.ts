/**
 * At most this many points per chart series. A chart a few hundred pixels wide cannot show more, and recharts' cost
 * grows with every point: 120 days of hourly samples (about 2,900) kept the main thread busy for seconds on a phone.
 */
export const MAX_CHART_POINTS = 600;

/**
 * Thins a time-ordered series to at most `maxPoints` rows without hiding an extreme: the rows are cut into
 * maxPoints / 2 equal runs and each run keeps its worst row (lowest `severity`, e.g. the solvency ratio, so a crash
 * stays at its true depth) and its last row (so the line ends where the data ends). The first row is always kept.
 */
export function downsample<T>(rows: readonly T[], maxPoints: number, severity: (row: T) => number): T[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4)
    throw new RangeError(`maxPoints must be an integer ≥ 4, got ${maxPoints}`);
  if (rows.length <= maxPoints) return [...rows];
  const buckets = Math.floor((maxPoints - 1) / 2);
  const kept = new Set<number>([0]);
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * (rows.length - 1)) / buckets);
    const end = 1 + Math.floor(((b + 1) * (rows.length - 1)) / buckets);
    let worst = start;
    for (let i = start + 1; i < end; i++) {
      if (severity(rows[i]!) < severity(rows[worst]!)) worst = i;
    }
    kept.add(worst);
    kept.add(end - 1);
  }
  return [...kept].sort((a, b) => a - b).map((i) => rows[i]!);
}
