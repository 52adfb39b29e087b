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

/**
 * The verdict a tranche page shows: against the fair APR rated on the chain's loss record (lib/risk/experience.ts),
 * so a tranche that has paid for losses is not called over-paid against a model that says it never will; against
 * the model's own figure only when the record could not be read.
 */
export function ratedPremiumVerdict(
  realisedApr: number,
  quote: { fairPremiumApr: number; model: { fairPremiumApr: number }; experience: object | null },
): { verdict: PremiumVerdict; fairApr: number; basis: 'with the chain’s record' | 'model only' } {
  const fairApr = quote.experience ? quote.fairPremiumApr : quote.model.fairPremiumApr;
  return {
    verdict: premiumVerdict(realisedApr, fairApr),
    fairApr,
    basis: quote.experience ? 'with the chain’s record' : 'model only',
  };
}
