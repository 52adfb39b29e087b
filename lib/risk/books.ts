import { choleskyFactor, stressCorrelation, validateCorrelation, type CholeskyFactor } from './correlation';
import { marginalOf, type MoveMarginal } from './marketMove/marginal';
import { MarketMoveModel, type MarketMoveState } from './marketMove/model';
import type { ModelParams, RiskInputs, StressScenario } from './types';

/**
 * The liquidation model shared by the Monte Carlo engine and the analytic path.
 *
 * Each market holds two books, its long and its short open interest, each treated as one isolated position whose
 * equity is its maintenance margin, m = maintenanceMarginRate × N: the worst state a position can be in without
 * being liquidatable. This is conservative: real positions carry more than maintenance. Over the liquidation
 * horizon the price moves by r (an adverse move a = −r for longs, +r for shorts). An adverse move makes the book
 * liquidatable, and it is closed in one go at the mark moved against it by the clearinghouse's square-root impact
 *   slip = min(impact × √(N′ / (depth × liquidityMultiplier)), maxSlippage),   N′ = N·(1 + r) (notional at the mark)
 * as Clearinghouse.liquidationSlippage computes it. Its equity after closing is m − N·a − slip·N′, and the
 * shortfall the backstop pays is the negative part:
 *   shortfall = (N·a + slip·N′ − m)⁺   when a > 0, else 0.
 * Favourable moves liquidate nothing. The contract no longer charges slippage to the backstop (only out of equity
 * left at the mark); the term stays as a conservative stand-in for a late liquidation's loss beyond the mark
 * (docs/risk-model.md, "Liquidation model").
 */
export function bookShortfall(
  notional: number,
  marginRate: number,
  impactPerSqrtNotional: number,
  maxSlippage: number,
  priceReturn: number,
  isLong: boolean,
): number {
  const adverse = isLong ? -priceReturn : priceReturn;
  if (!(adverse > 0) || notional <= 0) return 0;
  const closing = Math.max(0, notional * (1 + priceReturn));
  const slip = Math.min(impactPerSqrtNotional * Math.sqrt(closing), maxSlippage);
  const loss = notional * adverse + slip * closing - marginRate * notional;
  return loss > 0 ? loss : 0;
}

/** The stressed, precomputed parameters of every market, in flat typed arrays. */
export interface PreparedMarkets {
  count: number;
  /** σ of the move over one horizon: volatility × volatilityMultiplier × √(horizonDays / daysPerYear). */
  horizonSigma: Float64Array;
  /** σ of the move while liquidations are stalled: horizonSigma × √(stallHours / horizon hours). */
  stallSigma: Float64Array;
  /** The fitted marginals of markets with a market-move model (else undefined: the Student-t with σ). */
  marginals: (MarketMarginals | undefined)[];
  volatilityMultiplier: number;
  longNotional: Float64Array;
  shortNotional: Float64Array;
  marginRate: Float64Array;
  /** impact / √(depth × liquidityMultiplier × positionsPerBook): slip = this × √(book notional). */
  impactPerSqrtNotional: Float64Array;
  /** The stressed correlation and its Cholesky factor. */
  correlation: number[][];
  cholesky: CholeskyFactor;
  openInterest: number;
}

export function validateStress(stress: StressScenario): void {
  if (!(stress.volatilityMultiplier >= 0)) throw new RangeError('volatilityMultiplier must be ≥ 0');
  if (!(stress.liquidityDepthMultiplier > 0)) throw new RangeError('liquidityDepthMultiplier must be > 0');
  if (!(stress.correlationStress >= 0 && stress.correlationStress <= 1)) {
    throw new RangeError('correlationStress must be in [0, 1]');
  }
}

/** A market's move over the horizon and over a stall. */
export interface MarketMarginals {
  normal: MoveMarginal;
  stalled: MoveMarginal;
}

// Built once per market-move state and horizon: the analytic quote re-runs on every slider move with the same inputs.
const marginalCache = new WeakMap<MarketMoveState, Map<string, MarketMarginals>>();

export function marketMarginals(state: MarketMoveState, horizonHours: number, stallHours: number): MarketMarginals {
  let byHorizon = marginalCache.get(state);
  if (!byHorizon) {
    byHorizon = new Map();
    marginalCache.set(state, byHorizon);
  }
  const key = `${horizonHours}|${stallHours}`;
  const cached = byHorizon.get(key);
  if (cached) return cached;
  const model = MarketMoveModel.fromState(state);
  const marginals = { normal: marginalOf(model, horizonHours), stalled: marginalOf(model, stallHours) };
  byHorizon.set(key, marginals);
  return marginals;
}

export function prepareMarkets(inputs: RiskInputs, stress: StressScenario, params: ModelParams): PreparedMarkets {
  validateStress(stress);
  const count = inputs.markets.length;
  validateCorrelation(inputs.correlation, count);
  const horizonScale = Math.sqrt(params.horizonDays / params.daysPerYear);
  const horizonHours = params.horizonDays * 24;
  const stallScale = Math.sqrt(params.stallHours / horizonHours);
  const prepared = {
    count,
    horizonSigma: new Float64Array(count),
    stallSigma: new Float64Array(count),
    marginals: [] as (MarketMarginals | undefined)[],
    volatilityMultiplier: stress.volatilityMultiplier,
    longNotional: new Float64Array(count),
    shortNotional: new Float64Array(count),
    marginRate: new Float64Array(count),
    impactPerSqrtNotional: new Float64Array(count),
    openInterest: 0,
  };
  inputs.markets.forEach((market, i) => {
    for (const [field, value] of Object.entries(market)) {
      if (typeof value === 'number' && !(value >= 0 && Number.isFinite(value))) {
        throw new RangeError(`market ${market.name}: ${field} must be a finite number ≥ 0, got ${value}`);
      }
    }
    if (!(market.liquidityDepth > 0)) throw new RangeError(`market ${market.name}: liquidityDepth must be > 0`);
    prepared.horizonSigma[i] = market.volatility * stress.volatilityMultiplier * horizonScale;
    prepared.stallSigma[i] = (prepared.horizonSigma[i] as number) * stallScale;
    prepared.marginals.push(
      market.moveModel ? marketMarginals(market.moveModel, horizonHours, params.stallHours) : undefined,
    );
    prepared.longNotional[i] = market.longNotional;
    prepared.shortNotional[i] = market.shortNotional;
    prepared.marginRate[i] = market.maintenanceMarginRate;
    prepared.impactPerSqrtNotional[i] =
      market.liquidationImpact /
      Math.sqrt(market.liquidityDepth * stress.liquidityDepthMultiplier * params.positionsPerBook);
    prepared.openInterest += market.longNotional + market.shortNotional;
  });
  const correlation = stressCorrelation(inputs.correlation, stress.correlationStress);
  return { ...prepared, correlation, cholesky: choleskyFactor(correlation) };
}
