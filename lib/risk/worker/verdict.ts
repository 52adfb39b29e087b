/**
 * Realised premium against the model's fair premium, in words. The rule (shown to the user): within ±25 % of the
 * fair APR, or within 0.1 percentage point of it, is "about fair"; above that band the tranche was over-paid for the
 * risk it carries, below it under-paid.
 */
export type PremiumVerdict = 'over-paid for the risk' | 'under-paid for the risk' | 'about fair';

export const VERDICT_BAND = 0.25;
export const VERDICT_FLOOR = 0.001;

export const VERDICT_RULE = `"about fair" when the realised APR is within ±${VERDICT_BAND * 100} % of the fair APR (or within ${VERDICT_FLOOR * 100} percentage point of it); above that band "over-paid", below it "under-paid"`;

export function premiumVerdict(realisedApr: number, fairApr: number): PremiumVerdict {
  if (!Number.isFinite(realisedApr) || !Number.isFinite(fairApr)) {
    return realisedApr > fairApr ? 'over-paid for the risk' : 'under-paid for the risk';
  }
  if (Math.abs(realisedApr - fairApr) <= Math.max(VERDICT_BAND * Math.abs(fairApr), VERDICT_FLOOR)) return 'about fair';
  return realisedApr > fairApr ? 'over-paid for the risk' : 'under-paid for the risk';
}
