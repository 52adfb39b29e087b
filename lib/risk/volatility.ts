import { DEFAULT_EWMA_LAMBDA } from './defaults';
import { medianSpacing, type PricePoint } from './history';

/**
 * Exponentially weighted (RiskMetrics) volatility and correlation of log returns.
 *
 *   rₜ = ln(Pₜ / Pₜ₋₁),   σ²ₜ = λ·σ²ₜ₋₁ + (1 − λ)·r²ₜ,   Σₜ = λ·Σₜ₋₁ + (1 − λ)·rₜrₜᵀ   (zero mean).
 * The recursion starts from the mean square (mean cross-product) of the first min(n, 20) returns, so the first
 * observations do not get an arbitrary weight. The per-step variance is annualised by the number of steps per year:
 * σ_annual = σ_step·√(secondsPerYear / stepSeconds). λ = 0.94 is the RiskMetrics daily decay (half-life ≈ 11 steps).
 */

export const SECONDS_PER_YEAR = 365 * 86_400;
const SEED_RETURNS = 20;

export function logReturns(prices: ArrayLike<number>): Float64Array {
  const n = Math.max(0, prices.length - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const before = prices[i] as number;
    const after = prices[i + 1] as number;
    if (!(before > 0 && after > 0)) throw new RangeError(`prices must be positive (index ${i})`);
    out[i] = Math.log(after / before);
  }
  return out;
}

function checkLambda(lambda: number): void {
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`lambda must be in (0, 1), got ${lambda}`);
}

/** EWMA variance per step of a return series (NaN with no returns). */
export function ewmaVariance(returns: ArrayLike<number>, lambda = DEFAULT_EWMA_LAMBDA): number {
  checkLambda(lambda);
  const n = returns.length;
  if (n === 0) return Number.NaN;
  const seedCount = Math.min(n, SEED_RETURNS);
  let variance = 0;
  for (let i = 0; i < seedCount; i++) variance += (returns[i] as number) ** 2;
  variance /= seedCount;
  for (let i = 0; i < n; i++) {
    const r = returns[i] as number;
    variance = lambda * variance + (1 - lambda) * r * r;
  }
  return variance;
}

/** Annualised EWMA volatility of a regularly spaced price series `stepSeconds` apart. */
export function ewmaVolatility(prices: ArrayLike<number>, stepSeconds: number, lambda = DEFAULT_EWMA_LAMBDA): number {
  if (!(stepSeconds > 0)) throw new RangeError(`stepSeconds must be positive, got ${stepSeconds}`);
  return Math.sqrt((ewmaVariance(logReturns(prices), lambda) * SECONDS_PER_YEAR) / stepSeconds);
}

/** Annualised EWMA volatility of timestamped prices, spacing taken as the median gap (treated as regular). */
export function ewmaVolatilityOfHistory(history: readonly PricePoint[], lambda = DEFAULT_EWMA_LAMBDA): number {
  const ordered = [...history].sort((a, b) => a.timestamp - b.timestamp);
  const step = medianSpacing(ordered.map((p) => p.timestamp));
  if (!(step > 0)) return Number.NaN;
  return ewmaVolatility(
    ordered.map((p) => p.price),
    step,
    lambda,
  );
}

/** EWMA covariance per step of aligned return series (same length). */
export function ewmaCovariance(returns: readonly Float64Array[], lambda = DEFAULT_EWMA_LAMBDA): number[][] {
  checkLambda(lambda);
  const m = returns.length;
  const n = m === 0 ? 0 : (returns[0] as Float64Array).length;
  if (returns.some((r) => r.length !== n)) throw new RangeError('return series must be aligned (same length)');
  const cov = new Float64Array(m * m);
  if (n === 0) return toRows(cov.fill(Number.NaN), m);
  const seedCount = Math.min(n, SEED_RETURNS);
  for (let t = 0; t < seedCount; t++) accumulate(cov, returns, t, 1 / seedCount, 1);
  for (let t = 0; t < n; t++) accumulate(cov, returns, t, 1 - lambda, lambda);
  return toRows(cov, m);
}

function accumulate(cov: Float64Array, returns: readonly Float64Array[], t: number, weight: number, decay: number) {
  const m = returns.length;
  for (let i = 0; i < m; i++) {
    const ri = (returns[i] as Float64Array)[t] as number;
    for (let j = 0; j <= i; j++) {
      const value = decay * (cov[i * m + j] as number) + weight * ri * ((returns[j] as Float64Array)[t] as number);
      cov[i * m + j] = value;
      cov[j * m + i] = value;
    }
  }
}

function toRows(flat: Float64Array, m: number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from(flat.subarray(i * m, i * m + m)));
}

/**
 * Correlation from a covariance matrix. A market without variance (a flat price) gets correlation 0 with the
 * others (and 1 with itself).
 */
export function correlationFromCovariance(cov: readonly (readonly number[])[]): number[][] {
  const sd = cov.map((row, i) => Math.sqrt(row[i] as number));
  return cov.map((row, i) =>
    row.map((value, j) => {
      if (i === j) return 1;
      const denominator = (sd[i] as number) * (sd[j] as number);
      if (!(denominator > 0)) return 0;
      return Math.max(-1, Math.min(1, value / denominator));
    }),
  );
}
