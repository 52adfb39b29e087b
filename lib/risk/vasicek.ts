import { bivariateNormalCdf } from './bivariateNormal';
import { normalCdf, normalInv } from './normal';

/**
 * The Vasicek large homogeneous portfolio (LHP): infinitely many small obligors with default probability pd, each
 * defaulting when Xᵢ = −√ρ·Y + √(1 − ρ)·εᵢ ≤ c = Φ⁻¹(pd). Given the common factor Y (standard normal), the loss
 * fraction is the conditional default rate
 *   L(Y) = Φ((c + √ρ·Y) / √(1 − ρ)),   increasing in Y.
 *
 * Quantile:  L_q = Φ((Φ⁻¹(pd) + √ρ·Φ⁻¹(q)) / √(1 − ρ)).
 * Exceedance: L > k ⇔ Y > y_k with y_k = (√(1 − ρ)·Φ⁻¹(k) − c) / √ρ, so P(L > k) = Φ(−y_k).
 * Partial moment: E[L·1{Y > y}] = P(X ≤ c, −Y < −y) = Φ₂(c, −y; √ρ) since Corr(X, −Y) = √ρ. Hence
 *   E[(L − k)⁺ · 1{Y > y}] = Φ₂(c, −max(y, y_k); √ρ) − k·Φ(−max(y, y_k)),
 * and with y = −∞ the call-spread E[(L − k)⁺] = Φ₂(c, −y_k; √ρ) − k·Φ(−y_k). At k = 0 it is Φ(c) = pd = E[L].
 * Tranche [a, d]: its loss is min((L − a)⁺, d − a) = (L − a)⁺ − (L − d)⁺, so its expected loss as a fraction of
 * its width is (E[(L − a)⁺] − E[(L − d)⁺]) / (d − a). The widths-weighted tranche losses of a partition of [0, 1]
 * telescope to E[(L − 0)⁺] − E[(L − 1)⁺] = pd.
 * Tail: every tranche loss is non-decreasing in Y, so its expected shortfall at level q is its mean over
 * Y > Φ⁻¹(q): (E[(L − a)⁺; Y > y_q] − E[(L − d)⁺; Y > y_q]) / (1 − q).
 * Limits: ρ = 0 makes L = pd for sure; ρ = 1 makes L ∈ {0, 1} with P(L = 1) = pd.
 */

function check(pd: number, rho: number): void {
  if (!(pd >= 0 && pd <= 1)) throw new RangeError(`pd must be in [0, 1], got ${pd}`);
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`rho must be in [0, 1], got ${rho}`);
}

/** The q-quantile of the LHP loss fraction. */
export function vasicekLossQuantile(pd: number, rho: number, q: number): number {
  check(pd, rho);
  if (pd === 0 || pd === 1 || rho === 0) return pd;
  if (rho === 1) return q > 1 - pd ? 1 : 0;
  return normalCdf((normalInv(pd) + Math.sqrt(rho) * normalInv(q)) / Math.sqrt(1 - rho));
}

/** The factor level y_k above which L exceeds k (±∞ at the ends). */
function factorThreshold(c: number, rho: number, k: number): number {
  if (k <= 0) return -Infinity;
  if (k >= 1) return Infinity;
  return (Math.sqrt(1 - rho) * normalInv(k) - c) / Math.sqrt(rho);
}

/** P(L > k). */
export function vasicekExceedanceProbability(pd: number, rho: number, k: number): number {
  check(pd, rho);
  if (k < 0) return 1;
  if (k >= 1 || pd === 0) return 0;
  if (pd === 1) return 1;
  if (rho === 0) return pd > k ? 1 : 0;
  if (rho === 1) return pd;
  return normalCdf(-factorThreshold(normalInv(pd), rho, k));
}

/**
 * E[(L − k)⁺ · 1{Y > Φ⁻¹(tailLevel)}]: the call-spread restricted to the factor's upper tail.
 * tailLevel = 0 gives the plain E[(L − k)⁺].
 */
export function vasicekTailExcessLoss(pd: number, rho: number, k: number, tailLevel = 0): number {
  check(pd, rho);
  const strike = Math.max(0, k);
  if (strike >= 1 || pd === 0) return 0;
  const tailMass = 1 - tailLevel;
  if (pd === 1) return (1 - strike) * tailMass;
  if (rho === 0) return Math.max(pd - strike, 0) * tailMass;
  if (rho === 1) {
    // L = 1 exactly on the top pd of the factor: Y > Φ⁻¹(1 − pd).
    return (1 - strike) * Math.min(pd, tailMass);
  }
  const c = normalInv(pd);
  const y = Math.max(factorThreshold(c, rho, strike), normalInv(tailLevel));
  if (y === Infinity) return 0;
  const value = bivariateNormalCdf(c, -y, Math.sqrt(rho)) - strike * normalCdf(-y);
  return Math.max(0, value);
}

/** E[(L − k)⁺]. */
export function vasicekExcessLoss(pd: number, rho: number, k: number): number {
  return vasicekTailExcessLoss(pd, rho, k, 0);
}

/** Expected loss of the tranche [a, d] as a fraction of its width d − a (0 ≤ a < d ≤ 1). */
export function vasicekTrancheExpectedLoss(pd: number, rho: number, a: number, d: number): number {
  if (!(a >= 0 && d <= 1 && d > a)) throw new RangeError(`need 0 ≤ a < d ≤ 1, got [${a}, ${d}]`);
  return (vasicekExcessLoss(pd, rho, a) - vasicekExcessLoss(pd, rho, d)) / (d - a);
}

/** Expected shortfall at level q of the LHP loss fraction: E[L | Y > Φ⁻¹(q)]. */
export function vasicekExpectedShortfall(pd: number, rho: number, q: number): number {
  return vasicekTailExcessLoss(pd, rho, 0, q) / (1 - q);
}
