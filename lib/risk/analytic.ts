import { bivariateNormalCdf } from './bivariateNormal';
import { prepareMarkets } from './books';
import { adverseTail, type MoveMarginal } from './marketMove/marginal';
import { NO_STRESS, TAIL_LEVELS, withDefaults } from './defaults';
import { normalCdf, normalInv, normalPdf } from './normal';
import { quoteTranche } from './premium';
import { studentTCdf, studentTPdf } from './studentT';
import type { AnalyticResult, ModelParams, PortfolioRisk, RiskInputs, StressScenario } from './types';
import { vasicekExceedanceProbability, vasicekExcessLoss, vasicekLossQuantile, vasicekTailExcessLoss } from './vasicek';
import { trancheLayers, trancheLoss } from './waterfall';

/**
 * The analytic fast path: the markets' books mapped onto one Vasicek large homogeneous portfolio, quoted with the
 * closed forms of vasicek.ts. No sampling; well under a millisecond.
 *
 * Mapping (moment matching, documented in docs/risk-model.md):
 * 1. Book i (a market's long or short side, notional Nᵢ) with adverse move aᵢ from the market's fitted marginal
 *    (marketMove/marginal.ts: pdᵢ and E[(aᵢ − bᵢ)⁺] off the same table the Monte Carlo reads), or aᵢ = σₕ·T, T a unit-variance t_ν
 *    (Gaussian when ν = ∞), buffer bᵢ = mmr − slip(Nᵢ) (slippage at the pre-move notional) and shortfall
 *    Nᵢ·(aᵢ − bᵢ)·1{aᵢ > max(bᵢ, 0)}. With τᵢ = max(bᵢ, 0)/σₕ:
 *      pdᵢ = P(T > τᵢ),   ELᵢ = Nᵢ·[σₕ·E[T·1{T > τᵢ}] − bᵢ·pdᵢ],
 *    where for the standardised t, E[T·1{T > τ}] = s·(ν + u²)/(ν − 1)·f_ν(u), u = τ/s, s = √((ν − 2)/ν)
 *    (φ(τ) in the Gaussian limit).
 * 2. Severity eᵢ = ELᵢ / pdᵢ (the book's expected shortfall given a shortfall); loss unit U = Σ eᵢ;
 *    pd = Σ ELᵢ / U, so the portfolio's expected loss is matched exactly.
 * 3. ρ matches the variance of the severity-weighted default count, Σᵢⱼ eᵢeⱼ·Cov(Dᵢ, Dⱼ), with Gaussian-copula
 *    co-default P(Dᵢ, Dⱼ) = Φ₂(Φ⁻¹(pdᵢ), Φ⁻¹(pdⱼ); ρᵢⱼ), ρᵢⱼ = ±ρ_market (−1 between a market's long and short book,
 *    which never fail together; the diagonal i = j carries the lumpiness of a few books). Solve
 *    Φ₂(c, c; ρ) − pd² = Var / U² for ρ by bisection (monotone in ρ; a solution exists by Jensen's inequality).
 * The portfolio's shortfall is then U·L with L ~ Vasicek(pd, ρ). Stalled liquidations (probability
 * `stallProbability`, the move over `stallHours`) enter each book's pd and EL as a mixture.
 */

interface Book {
  pd: number;
  expectedLoss: number;
  market: number;
  direction: number; // −1 long (hurt by a fall), +1 short
}

function books(
  inputs: RiskInputs,
  stress: StressScenario,
  params: ModelParams,
): { list: Book[]; correlation: number[][]; openInterest: number } {
  const markets = prepareMarkets(inputs, stress, params);
  const stall = params.stallProbability;
  const list: Book[] = [];
  for (let i = 0; i < markets.count; i++) {
    const marginals = markets.marginals[i];
    for (const [notional, direction] of [
      [markets.longNotional[i] as number, -1],
      [markets.shortNotional[i] as number, 1],
    ] as const) {
      if (!(notional > 0)) continue;
      const slip = Math.min((markets.impactPerSqrtNotional[i] as number) * Math.sqrt(notional), params.maxSlippage);
      const buffer = (markets.marginRate[i] as number) - slip;
      const tail = (regime: 'normal' | 'stalled') =>
        marginals
          ? fittedTail(marginals[regime], direction === -1, markets.volatilityMultiplier, buffer)
          : studentTail(
              regime === 'normal' ? (markets.horizonSigma[i] as number) : (markets.stallSigma[i] as number),
              params.degreesOfFreedom,
              buffer,
            );
      const normal = tail('normal');
      const stalled = stall > 0 ? tail('stalled') : normal;
      const pd = (1 - stall) * normal.pd + stall * stalled.pd;
      const expectedLoss = notional * ((1 - stall) * normal.expectedLoss + stall * stalled.expectedLoss);
      if (pd > 0 && expectedLoss > 0) list.push({ pd, expectedLoss, market: i, direction });
    }
  }
  return { list, correlation: markets.correlation, openInterest: markets.openInterest };
}

/** P(shortfall) and E[shortfall] per unit of notional for an adverse move from the fitted marginal. */
function fittedTail(marginal: MoveMarginal, isFall: boolean, multiplier: number, buffer: number) {
  const floor = Math.max(buffer, 0);
  const { pd, partialExpectation } = adverseTail(marginal, isFall, multiplier, floor);
  // E[(a − b)·1{a > max(b, 0)}] = E[(a − b⁺)⁺] + (b⁺ − b)·P(a > b⁺)
  return { pd, expectedLoss: partialExpectation + (floor - buffer) * pd };
}

/** The same for an adverse move σ·T, T a unit-variance t_ν (Gaussian when ν = ∞), arithmetic. */
function studentTail(sigma: number, dof: number, buffer: number) {
  if (!(sigma > 0)) return { pd: 0, expectedLoss: 0 };
  const tau = Math.max(buffer, 0) / sigma;
  let pd: number;
  let partialMean: number; // E[T·1{T > τ}]
  if (dof === Infinity) {
    pd = normalCdf(-tau);
    partialMean = normalPdf(tau);
  } else {
    const scale = Math.sqrt((dof - 2) / dof);
    const u = tau / scale;
    pd = studentTCdf(-u, dof);
    partialMean = (scale * (dof + u * u) * studentTPdf(u, dof)) / (dof - 1);
  }
  return { pd, expectedLoss: sigma * partialMean - buffer * pd };
}

function impliedRho(pd: number, targetVariance: number): number {
  const c = normalInv(pd);
  const maxVariance = pd - pd * pd;
  if (!(targetVariance > 0)) return 0;
  if (targetVariance >= maxVariance) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = 0.5 * (lo + hi);
    if (bivariateNormalCdf(c, c, mid) - pd * pd < targetVariance) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export function analyticQuote(
  inputs: RiskInputs,
  stress: StressScenario = NO_STRESS,
  paramOverrides?: Partial<ModelParams>,
): AnalyticResult {
  const params = withDefaults(paramOverrides);
  const { list, correlation, openInterest } = books(inputs, stress, params);
  const capital = inputs.tranches.reduce((sum, t) => sum + t.capital, 0);
  let unit = 0;
  let expectedLoss = 0;
  let unionPd = 0;
  const thresholds = list.map((b) => normalInv(b.pd));
  for (const b of list) {
    unit += b.expectedLoss / b.pd;
    expectedLoss += b.expectedLoss;
    unionPd += b.pd;
  }
  unionPd = Math.min(1, unionPd);
  let variance = 0;
  for (let i = 0; i < list.length; i++) {
    const bi = list[i] as Book;
    const ei = bi.expectedLoss / bi.pd;
    variance += ei * ei * bi.pd * (1 - bi.pd);
    for (let j = 0; j < i; j++) {
      const bj = list[j] as Book;
      const rho = bi.direction * bj.direction * ((correlation[bi.market] as number[])[bj.market] as number);
      const joint = bivariateNormalCdf(thresholds[i] as number, thresholds[j] as number, rho);
      variance += 2 * ei * (bj.expectedLoss / bj.pd) * (joint - bi.pd * bj.pd);
    }
  }
  const pd = unit > 0 ? Math.min(1, expectedLoss / unit) : 0;
  const rho = unit > 0 ? impliedRho(pd, variance / (unit * unit)) : 0;
  const fraction = (amount: number): number => (unit > 0 ? Math.min(1, amount / unit) : 1);

  const tails = TAIL_LEVELS.map((level) => ({
    level,
    valueAtRisk: unit * vasicekLossQuantile(pd, rho, level),
    expectedShortfall: (unit * vasicekTailExcessLoss(pd, rho, 0, level)) / (1 - level),
  }));
  const es99 = tails[1]?.expectedShortfall ?? 0;
  const capitalFraction = fraction(capital);
  const portfolio: PortfolioRisk = {
    capital,
    openInterest,
    expectedShortfall: expectedLoss,
    probabilityOfShortfall: unionPd,
    tails,
    solvencyRatio: es99 > 0 ? capital / es99 : Number.POSITIVE_INFINITY,
    probabilityOfDeficit: unit > 0 ? vasicekExceedanceProbability(pd, rho, capitalFraction) : 0,
    expectedDeficit: unit * vasicekExcessLoss(pd, rho, capitalFraction),
  };

  const q = params.unexpectedLossLevel;
  const tranches = trancheLayers(inputs.tranches).map((layer) => {
    const a = fraction(layer.attachment);
    const d = fraction(layer.detachment);
    const first = layer.attachment === 0;
    const trancheTailLoss = (level: number) =>
      (unit * (vasicekTailExcessLoss(pd, rho, a, level) - vasicekTailExcessLoss(pd, rho, d, level))) / (1 - level);
    const exceed = first ? unionPd : unit > 0 ? vasicekExceedanceProbability(pd, rho, a) : 0;
    const tailExceed = first
      ? Math.min(1, unionPd / (1 - q))
      : unit > 0
        ? vasicekTailExcessLossProbability(pd, rho, a, q)
        : 0;
    return quoteTranche(
      layer,
      {
        probabilityOfLoss: exceed,
        probabilityOfWipeout: unit > 0 && d < 1 ? vasicekExceedanceProbability(pd, rho, d) : 0,
        expectedLoss: unit * (vasicekExcessLoss(pd, rho, a) - vasicekExcessLoss(pd, rho, d)),
        tailLoss: trancheTailLoss(q),
        tails: tails.map(({ level, valueAtRisk }) => ({
          level,
          valueAtRisk: trancheLoss(valueAtRisk, layer.attachment, layer.tranche.capital),
          expectedShortfall: trancheTailLoss(level),
        })),
        marginalExpectedLossRate: exceed,
        marginalTailLossRate: tailExceed,
      },
      openInterest,
      params,
    );
  });
  return { kind: 'analytic', portfolio, tranches, mapping: { pd, rho, unit } };
}

/** P(L > a | Y in the top 1 − q): the first-dollar tail loss rate of an empty tranche at a. */
function vasicekTailExcessLossProbability(pd: number, rho: number, a: number, q: number): number {
  if (pd === 0 || a >= 1) return 0;
  if (rho === 0) return pd > a ? 1 : 0;
  if (rho >= 1) return Math.min(pd, 1 - q) / (1 - q);
  const c = normalInv(pd);
  const ya = a <= 0 ? -Infinity : (Math.sqrt(1 - rho) * normalInv(a) - c) / Math.sqrt(rho);
  return normalCdf(-Math.max(ya, normalInv(q))) / (1 - q);
}
