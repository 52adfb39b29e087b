/**
 * The client-side risk model (docs/design.md, "The client-side risk model"; methodology in docs/risk-model.md): pure
 * TypeScript, no React, no viem, no DOM.
 */
export { analyticQuote } from './analytic';
export { marketMoveQuantile, MarketMoveModel, type MarketMove, type MoveSide } from './marketMove/model';
export {
  walkForward,
  type BacktestCell,
  type BacktestOptions,
  type BacktestPoint,
  type BacktestReport,
} from './backtest';
export { runMonteCarlo, simulateShortfalls, createBuffers, type MonteCarloOptions } from './monteCarlo';
export { DEFAULT_PARAMS, NO_STRESS, TAIL_LEVELS, DEFAULT_EWMA_LAMBDA } from './defaults';
export { estimateMarketDynamics, type EstimationOptions, type MarketDynamics } from './estimation';
export { riskInputsFromChain, toFloat, type ChainRiskState } from './fromChain';
export type * from './types';
export type { RiskRequest, RiskResponse } from './protocol';
