/**
 * The standard normal distribution: density, cumulative distribution and its inverse.
 *
 * Φ is computed from the error function with two expansions chosen so that neither cancels:
 * - |x| < 2.5 (erf argument): erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3·…·(2n+1)), a series of positive terms;
 * - otherwise erfc(x) by its continued fraction erfc(x) = (e^{−x²}/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 *   evaluated with the modified Lentz method.
 * The lower tail Φ(x) = erfc(−x/√2)/2 therefore keeps its relative accuracy far out (≈1e-15 to x = −37).
 *
 * Φ⁻¹ starts from Acklam's rational approximation (relative error < 1.2e-9) and takes one Halley step on the
 * accurate Φ, which brings it to full double precision.
 */

const SQRT1_2PI = 0.3989422804014327; // 1/√(2π)
const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const INV_SQRT_PI = 0.5641895835477563; // 1/√π
const SQRT2PI = 2.5066282746310002;

/** φ(x), the standard normal density. */
export function normalPdf(x: number): number {
  return SQRT1_2PI * Math.exp(-0.5 * x * x);
}

/** erf(x) for |x| < 2.5 from the positive series; exact at 0. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x ≥ 2.5 from the continued fraction (modified Lentz). */
function erfcContinuedFraction(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + a1/(x + a2/(x + …))), a_n = n/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** erfc(x) = 1 − erf(x), accurate in relative terms for large positive x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= 2.5) return x > 27.3 ? 0 : erfcContinuedFraction(x);
  if (x <= -2.5) return 2 - (x < -27.3 ? 0 : erfcContinuedFraction(-x));
  return 1 - erfSeries(x);
}

/** Φ(x), the standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const t = x * Math.SQRT1_2;
  if (t > -2.5 && t < 2.5) return 0.5 + 0.5 * erfSeries(t);
  return t < 0 ? 0.5 * erfc(-t) : 1 - 0.5 * erfc(t);
}

// Acklam's coefficients for the central and tail regions.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -(
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/** Φ⁻¹(p): the standard normal quantile. Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞, NaN outside [0, 1]. */
export function normalInv(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x = acklam(p);
  // One Halley step on the accurate Φ. The error e = Φ(x) − p is taken on the side that keeps relative accuracy:
  // below the median directly, above it as (1 − p) − Φ(−x) (1 − p is exact there).
  const e = x < 0 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
  const u = e * SQRT2PI * Math.exp(0.5 * x * x);
  x -= u / (1 + 0.5 * x * u);
  return x;
}
