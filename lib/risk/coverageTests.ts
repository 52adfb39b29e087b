import { erfc } from './normal';
import { lnGamma } from './specialFunctions';

/**
 * Tests of a quantile forecast's exceptions (a 0/1 series: 1 when the realised move went beyond the forecast):
 * - Kupiec's proportion of failures (1995): LR = −2 ln[(1 − p)^{n−x} p^x / ((1 − x/n)^{n−x} (x/n)^x)] ~ χ²₁;
 * - Christoffersen's independence test (1998): a first-order Markov chain of exceptions against independence,
 *   LR = −2 ln[L(π) / L(π₀₁, π₁₁)] ~ χ²₁;
 * - the Basel traffic light, generalised from 250 days at 99 %: green while P(X ≤ x) < 95 % under Binomial(n, p),
 *   yellow while < 99.99 %, red beyond.
 */

export type TrafficLight = 'green' | 'yellow' | 'red';

/** P(χ²₁ > x) = erfc(√(x/2)). */
export function chiSquare1Survival(x: number): number {
  if (!(x > 0)) return 1;
  return erfc(Math.sqrt(x / 2));
}

/** k·ln(q), with 0·ln 0 = 0. */
function xlogy(k: number, q: number): number {
  return k === 0 ? 0 : k * Math.log(q);
}

export function kupiecStatistic(exceptions: number, observations: number, probability: number): number {
  checkCounts(exceptions, observations, probability);
  if (observations === 0) return 0;
  const x = exceptions;
  const n = observations;
  const observed = x / n;
  const null_ = xlogy(n - x, 1 - probability) + xlogy(x, probability);
  const alternative = xlogy(n - x, 1 - observed) + xlogy(x, observed);
  return Math.max(0, -2 * (null_ - alternative));
}

export function kupiecPValue(exceptions: number, observations: number, probability: number): number {
  return chiSquare1Survival(kupiecStatistic(exceptions, observations, probability));
}

export interface TransitionCounts {
  n00: number;
  n01: number;
  n10: number;
  n11: number;
}

export function transitionCounts(exceptions: ArrayLike<number | boolean>): TransitionCounts {
  const counts = { n00: 0, n01: 0, n10: 0, n11: 0 };
  for (let i = 1; i < exceptions.length; i++) {
    const before = exceptions[i - 1] ? 1 : 0;
    const after = exceptions[i] ? 1 : 0;
    if (before === 0) {
      if (after === 0) counts.n00++;
      else counts.n01++;
    } else if (after === 0) counts.n10++;
    else counts.n11++;
  }
  return counts;
}

export function christoffersenStatistic({ n00, n01, n10, n11 }: TransitionCounts): number {
  const total = n00 + n01 + n10 + n11;
  const exceptions = n01 + n11;
  if (total === 0 || exceptions === 0 || exceptions === total) return 0;
  const pi = exceptions / total;
  const pi01 = n01 + n00 > 0 ? n01 / (n00 + n01) : 0;
  const pi11 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0;
  const independent = xlogy(n00 + n10, 1 - pi) + xlogy(exceptions, pi);
  const markov = xlogy(n00, 1 - pi01) + xlogy(n01, pi01) + xlogy(n10, 1 - pi11) + xlogy(n11, pi11);
  return Math.max(0, -2 * (independent - markov));
}

export function christoffersenPValue(counts: TransitionCounts): number {
  return chiSquare1Survival(christoffersenStatistic(counts));
}

/** P(X ≤ x) for X ~ Binomial(n, p), summed in log space (n in the hundreds of thousands is fine). */
export function binomialCdf(x: number, n: number, p: number): number {
  checkCounts(Math.max(0, Math.min(x, n)), n, p);
  if (x < 0) return 0;
  if (x >= n) return 1;
  const lnP = Math.log(p);
  const lnQ = Math.log1p(-p);
  const lnNFactorial = lnGamma(n + 1);
  let max = -Infinity;
  const terms: number[] = [];
  for (let k = 0; k <= x; k++) {
    const term = lnNFactorial - lnGamma(k + 1) - lnGamma(n - k + 1) + k * lnP + (n - k) * lnQ;
    terms.push(term);
    if (term > max) max = term;
  }
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - max);
  return Math.min(1, Math.exp(max + Math.log(sum)));
}

export function trafficLight(exceptions: number, observations: number, probability: number): TrafficLight {
  const cumulative = binomialCdf(exceptions, observations, probability);
  if (cumulative < 0.95) return 'green';
  if (cumulative < 0.9999) return 'yellow';
  return 'red';
}

function checkCounts(exceptions: number, observations: number, probability: number): void {
  if (!(Number.isInteger(observations) && observations >= 0)) throw new RangeError('observations must be a count');
  if (!(Number.isInteger(exceptions) && exceptions >= 0 && exceptions <= observations)) {
    throw new RangeError('exceptions must be a count no larger than observations');
  }
  if (!(probability > 0 && probability < 1)) throw new RangeError(`probability must be in (0, 1), got ${probability}`);
}
