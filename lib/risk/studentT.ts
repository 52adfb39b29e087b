import { normalCdf, normalInv, normalPdf } from './normal';
import { lnGamma, regularizedIncompleteBeta } from './specialFunctions';

/**
 * Student's t distribution with ν > 0 degrees of freedom (ν = Infinity is the standard normal).
 *
 * cdf: for t ≤ 0, F(t) = ½·I_x(ν/2, ½) with x = ν/(ν + t²) (and 1 − x = t²/(ν + t²) computed directly),
 * so the lower tail keeps its relative accuracy; F(t) = 1 − F(−t) above.
 * Quantile: closed forms for ν = 1 and 2; otherwise a safeguarded Newton iteration on the lower tail:
 * start from the Cornish–Fisher expansion around Φ⁻¹(p), keep a bracket, take Newton steps on ln F in ln|t|
 * in the tail (where ln F is nearly linear in ln|t|) or on F in the body, and bisect whenever a step leaves the
 * bracket. Converges to full precision in a handful of steps.
 */

function checkDof(dof: number): void {
  if (!(dof > 0)) throw new RangeError(`degrees of freedom must be positive, got ${dof}`);
}

/** The t density f_ν(t). */
export function studentTPdf(t: number, dof: number): number {
  checkDof(dof);
  if (dof === Infinity) return normalPdf(t);
  const logC = lnGamma((dof + 1) / 2) - lnGamma(dof / 2) - 0.5 * Math.log(dof * Math.PI);
  return Math.exp(logC - ((dof + 1) / 2) * Math.log1p((t * t) / dof));
}

/** The t cumulative distribution F_ν(t). */
export function studentTCdf(t: number, dof: number): number {
  checkDof(dof);
  if (Number.isNaN(t)) return Number.NaN;
  if (dof === Infinity) return normalCdf(t);
  if (t === -Infinity) return 0;
  if (t === Infinity) return 1;
  const t2 = t * t;
  const lower = 0.5 * regularizedIncompleteBeta(dof / (dof + t2), dof / 2, 0.5, t2 / (dof + t2));
  return t <= 0 ? lower : 1 - lower;
}

/** The t quantile F_ν⁻¹(p). */
export function studentTInv(p: number, dof: number): number {
  checkDof(dof);
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (dof === Infinity) return normalInv(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerTailQuantile(1 - p, dof);
  return lowerTailQuantile(p, dof);
}

/** The quantile for q < ½ (a negative number). */
function lowerTailQuantile(q: number, dof: number): number {
  if (dof === 1) return -1 / Math.tan(Math.PI * q); // tan(π(q − ½)) without the cancellation
  if (dof === 2) return -Math.sqrt(2 / (4 * q * (1 - q)) - 2);
  const z = normalInv(q);
  const z2 = z * z;
  const cornishFisher =
    z +
    (z * (z2 + 1)) / (4 * dof) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * dof * dof) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * dof * dof * dof);
  // The t quantile is at least as extreme as the normal one: bracket [lo, hi] with hi = z.
  let hi = z;
  let lo = Math.min(cornishFisher, z) * 2 - 1;
  while (studentTCdf(lo, dof) > q && lo > -1e300) {
    hi = lo;
    lo *= 4;
  }
  let t = cornishFisher < hi && cornishFisher > lo ? cornishFisher : 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, dof);
    if (f === q) return t;
    if (f > q) hi = t;
    else lo = t;
    const density = studentTPdf(t, dof);
    let next: number;
    if (t < -1) {
      // Newton on ln F against ln(−t): d ln F / d ln(−t) = t·f(t)/F(t).
      const slope = (t * density) / f;
      next = -Math.exp(Math.log(-t) - (Math.log(f) - Math.log(q)) / slope);
    } else {
      next = t - (f - q) / density;
    }
    if (!(next > lo && next < hi)) next = lo < -1 && hi < -1 ? -Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(t) || hi - lo <= 1e-15 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}
