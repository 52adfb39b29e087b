import { DEFAULT_EWMA_LAMBDA } from './defaults';
import { alignHistories, type PricePoint } from './history';
import { correlationFromCovariance, ewmaCovariance, logReturns, SECONDS_PER_YEAR } from './volatility';

/**
 * Market dynamics from oracle price histories: align every market onto one grid, take log returns, then the EWMA
 * covariance → annualised volatilities and the correlation matrix. With too little history (fewer than
 * `minReturns` aligned returns) the fallbacks are used instead and `estimated` is false.
 */
export interface EstimationOptions {
  /** Grid step in seconds (default 1 hour, the indexer's sampling). */
  stepSeconds?: number;
  lambda?: number;
  minReturns?: number;
  /** Annualised volatility used when there is not enough history (default 80 %). */
  fallbackVolatility?: number;
  /** Pairwise correlation used when there is not enough history (default 0.6). */
  fallbackCorrelation?: number;
}

export interface MarketDynamics {
  volatilities: number[];
  correlation: number[][];
  returnsUsed: number;
  estimated: boolean;
}

export function estimateMarketDynamics(
  histories: readonly (readonly PricePoint[])[],
  options: EstimationOptions = {},
): MarketDynamics {
  const stepSeconds = options.stepSeconds ?? 3_600;
  const lambda = options.lambda ?? DEFAULT_EWMA_LAMBDA;
  const minReturns = options.minReturns ?? 20;
  const fallbackVolatility = options.fallbackVolatility ?? 0.8;
  const fallbackCorrelation = options.fallbackCorrelation ?? 0.6;
  const m = histories.length;
  const aligned = alignHistories(histories, stepSeconds);
  const returns = aligned.prices.map(logReturns);
  const n = returns[0]?.length ?? 0;
  if (m === 0 || n < minReturns) {
    return {
      volatilities: histories.map(() => fallbackVolatility),
      correlation: histories.map((_, i) => histories.map((__, j) => (i === j ? 1 : fallbackCorrelation))),
      returnsUsed: n,
      estimated: false,
    };
  }
  const cov = ewmaCovariance(returns, lambda);
  const stepsPerYear = SECONDS_PER_YEAR / stepSeconds;
  return {
    volatilities: cov.map((row, i) => Math.sqrt((row[i] as number) * stepsPerYear)),
    correlation: correlationFromCovariance(cov),
    returnsUsed: n,
    estimated: true,
  };
}
