export interface DrawdownPoint {
  timestamp: number;
  drawdownBps: number;
}

/** Worst and current drawdown (both ≤ 0, in bps) of a tranche's share price over the indexed history. */
export function drawdownSummary(
  points: readonly DrawdownPoint[],
): { maxBps: number; maxAt: number | null; currentBps: number } | null {
  const last = points[points.length - 1];
  if (!last) return null;
  let maxBps = 0;
  let maxAt: number | null = null;
  for (const p of points) {
    if (p.drawdownBps < maxBps) {
      maxBps = p.drawdownBps;
      maxAt = p.timestamp;
    }
  }
  return { maxBps, maxAt, currentBps: last.drawdownBps };
}
