import { decimalRatio } from '../health/decimal';
import type { LensForPremium, TranchePremiumSummary } from './premiumSummary';

/**
 * The `premium` part of GET /api/health (docs/api-health.md): the curve in force, exact, from the lens; charged and
 * fair APR per tranche as numbers (the charged APR is a ratio of sums over indexed premiums, the fair APR a model
 * output: neither is an on-chain integer).
 */
export function premiumJson(lens: LensForPremium, summaries: readonly TranchePremiumSummary[]) {
  const p = lens.premium;
  return {
    utilisation: decimalRatio(p.utilisation),
    utilisationMeasuredAt: Number(p.utilisationAt),
    liveUtilisation: decimalRatio(p.liveUtilisation),
    multiplier: decimalRatio(p.multiplier),
    volatility: decimalRatio(p.volatility),
    referenceVolatility: decimalRatio(p.referenceVolatility),
    markets: lens.markets.map((m) => ({
      name: m.name,
      baseRate: decimalRatio(m.feeRate),
      rate: decimalRatio(m.premiumRate),
    })),
    tranches: summaries.map((s) => ({
      id: s.id,
      chargedApr: s.chargedNow,
      chargedTrailingApr: s.chargedTrailing,
      fairApr: s.fair,
      gap: s.gap,
    })),
  };
}

export type PremiumJson = ReturnType<typeof premiumJson>;
