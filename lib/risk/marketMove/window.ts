import { EWMA_SEED_RETURNS, HILL_MIN_RETURNS, HILL_ORDER, VARIANCE_LAMBDAS } from './constants';

/**
 * What the model reads from a window of hourly closes, in one pass over its log returns:
 * - the three EWMA variances of the hourly log return after the last close (zero mean, each started from the mean
 *   square of the first `EWMA_SEED_RETURNS` returns);
 * - the Hill estimate of the tail index of the window's standardised hourly residuals |rₜ|/σₜ₋₁ (σ from the one-hour
 *   variance weights), from its `HILL_ORDER` largest: ξ = mean ln(z₍ᵢ₎/z₍ₖ₊₁₎). NaN with fewer than
 *   `HILL_MIN_RETURNS` residuals.
 */
export interface WindowState {
  /** Hourly variances of the components, in `VARIANCE_LAMBDAS` order. */
  variances: Float64Array;
  windowTailIndex: number;
  returns: number;
}

/** The window of log returns `returns[start…end)`. */
export function readWindow(
  returns: ArrayLike<number>,
  start: number,
  end: number,
  hourWeights: readonly number[],
): WindowState {
  const n = end - start;
  if (!(n >= 1)) throw new RangeError('at least two closes (one return) are needed');
  // The three components unrolled into locals: this loop runs for every forecast of a backtest.
  const [l0, l1, l2] = VARIANCE_LAMBDAS;
  const w0 = hourWeights[0] as number;
  const w1 = hourWeights[1] as number;
  const w2 = hourWeights[2] as number;
  const seedCount = Math.min(n, EWMA_SEED_RETURNS);
  let seed = 0;
  for (let i = 0; i < seedCount; i++) {
    const r = returns[start + i] as number;
    seed += r * r;
  }
  seed /= seedCount;
  let v0 = seed;
  let v1 = seed;
  let v2 = seed;
  // The k + 1 largest squared residuals seen, ascending (an insertion buffer: k is small).
  const top = new Float64Array(HILL_ORDER + 1);
  let kept = 0;
  let residuals = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[start + i] as number;
    const r2 = r * r;
    if (i >= seedCount) {
      const hourVariance = w0 * v0 + w1 * v1 + w2 * v2;
      if (hourVariance > 0) {
        residuals++;
        const squared = r2 / hourVariance;
        if (kept < top.length || squared > (top[0] as number)) kept = keepLargest(top, kept, squared);
      }
    }
    v0 = l0 * v0 + (1 - l0) * r2;
    v1 = l1 * v1 + (1 - l1) * r2;
    v2 = l2 * v2 + (1 - l2) * r2;
  }
  return {
    variances: Float64Array.of(v0, v1, v2),
    windowTailIndex: residuals >= HILL_MIN_RETURNS ? hillOfSquares(top) : Number.NaN,
    returns: n,
  };
}

/** ln(Pᵢ₊₁/Pᵢ) of closes[from…to); a close that is not a positive finite number is refused. */
export function logReturnsOf(closes: ArrayLike<number>, from = 0, to = closes.length): Float64Array {
  const out = new Float64Array(Math.max(0, to - from - 1));
  for (let i = 0; i < out.length; i++) {
    const before = closes[from + i] as number;
    const after = closes[from + i + 1] as number;
    if (!(before > 0 && after > 0 && Number.isFinite(before) && Number.isFinite(after))) {
      throw new RangeError(`closes must be positive and finite (index ${from + i})`);
    }
    out[i] = Math.log(after / before);
  }
  return out;
}

function keepLargest(top: Float64Array, kept: number, value: number): number {
  const size = top.length;
  if (kept < size) {
    let j = kept;
    while (j > 0 && (top[j - 1] as number) > value) {
      top[j] = top[j - 1] as number;
      j--;
    }
    top[j] = value;
    return kept + 1;
  }
  if (value <= (top[0] as number)) return kept;
  let j = 0;
  while (j + 1 < size && (top[j + 1] as number) < value) {
    top[j] = top[j + 1] as number;
    j++;
  }
  top[j] = value;
  return kept;
}

/** Hill's estimate from ascending squared order statistics (the k + 1 largest): ln(zᵢ/z₍ₖ₊₁₎) = ½·ln(zᵢ²/z₍ₖ₊₁₎²). */
export function hillOfSquares(ascending: Float64Array): number {
  const threshold = ascending[0] as number;
  if (!(threshold > 0)) return Number.NaN;
  let sum = 0;
  for (let i = 1; i < ascending.length; i++) sum += Math.log((ascending[i] as number) / threshold);
  return (0.5 * sum) / (ascending.length - 1);
}
