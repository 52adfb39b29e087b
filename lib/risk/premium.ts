import type { ModelParams, TailFigure, TrancheQuote } from './types';
import type { TrancheLayer } from './waterfall';

/**
 * Fair premium of a tranche per year, as a fraction of its capital:
 *   APR = EL/C · H + k · UL/C,
 * with EL the expected loss per liquidation horizon, H = daysPerYear / horizonDays horizons per year (each treated
 * as an independent draw; EL/C·H is the linear annualisation, fine while it is small), k the cost of capital and
 * UL = ES_q(tranche loss) − EL the unexpected loss at the UL level q (99 %), the capital a buyer of the risk must
 * hold against one horizon's tail. An empty tranche (C = 0) is quoted for its first dollar: the limits
 * EL/C → P(S > A) and ES_q/C → P(S > A | tail) as C → 0.
 */
export interface TrancheRiskFigures {
  probabilityOfLoss: number;
  probabilityOfWipeout: number;
  expectedLoss: number;
  tailLoss: number;
  /** The tranche's own loss tail at each of TAIL_LEVELS: VaR and ES of lossⱼ(S) over one horizon (asset units). */
  tails: TailFigure[];
  /** Used when capital is 0: the first-dollar loss rates. */
  marginalExpectedLossRate: number;
  marginalTailLossRate: number;
}

export function quoteTranche(
  layer: TrancheLayer,
  figures: TrancheRiskFigures,
  openInterest: number,
  params: ModelParams,
): TrancheQuote {
  const capital = layer.tranche.capital;
  const horizonsPerYear = params.daysPerYear / params.horizonDays;
  const expectedLossRate = capital > 0 ? figures.expectedLoss / capital : figures.marginalExpectedLossRate;
  const tailLossRate = capital > 0 ? figures.tailLoss / capital : figures.marginalTailLossRate;
  const expectedLossApr = expectedLossRate * horizonsPerYear;
  const capitalChargeApr = params.costOfCapital * Math.max(0, tailLossRate - expectedLossRate);
  return {
    id: layer.tranche.id,
    name: layer.tranche.name,
    capital,
    attachment: layer.attachment,
    detachment: layer.detachment,
    attachmentOfOpenInterest: openInterest > 0 ? layer.attachment / openInterest : Number.POSITIVE_INFINITY,
    detachmentOfOpenInterest: openInterest > 0 ? layer.detachment / openInterest : Number.POSITIVE_INFINITY,
    probabilityOfLoss: figures.probabilityOfLoss,
    probabilityOfWipeout: figures.probabilityOfWipeout,
    expectedLoss: figures.expectedLoss,
    expectedLossRate,
    tailLoss: figures.tailLoss,
    unexpectedLoss: Math.max(0, figures.tailLoss - figures.expectedLoss),
    tails: figures.tails,
    expectedLossApr,
    capitalChargeApr,
    fairPremiumApr: expectedLossApr + capitalChargeApr,
  };
}
