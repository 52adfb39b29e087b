/**
 * Empirical tail statistics of a sample sorted ascending.
 *
 * VaR_q: the smallest x with F̂(x) ≥ q, i.e. x₍⌈q·n⌉₎.
 * ES_q: the mean of the worst (1 − q)·n outcomes; when (1 − q)·n is not whole, the boundary observation enters
 * with its fractional weight (Acerbi & Tasche, 2002). `transform` (non-decreasing) lets the same tail be read for a
 * tranche's loss, which is a non-decreasing function of the shortfall.
 */
export function valueAtRisk(sorted: Float64Array, level: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const index = Math.min(n - 1, Math.max(0, Math.ceil(level * n) - 1));
  return sorted[index] as number;
}

export function expectedShortfall(
  sorted: Float64Array,
  level: number,
  transform: (x: number) => number = (x) => x,
): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const tail = (1 - level) * n;
  const whole = Math.floor(tail + 1e-9);
  let sum = 0;
  for (let i = n - whole; i < n; i++) sum += transform(sorted[i] as number);
  const fraction = tail - whole;
  if (fraction > 1e-9 && n - whole - 1 >= 0) sum += fraction * transform(sorted[n - whole - 1] as number);
  return tail > 0 ? sum / tail : transform(sorted[n - 1] as number);
}

/** Index of the first element strictly greater than x (binary search). */
export function countAtOrBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
