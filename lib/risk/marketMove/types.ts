/**
 * The shape of the market-move model's fitted constants (`fitted.ts`, written by `scripts/fit-market-model.ts`).
 * Method and provenance: docs/risk-model.md, "The market-move model".
 */

/** One asset's fit at one horizon. */
export interface HorizonFit {
  /** Horizon in hours. */
  hours: number;
  /** Weights of the variance components (decays `VARIANCE_LAMBDAS`), summing to 1. */
  weights: readonly number[];
  /**
   * Standardised quantiles z(p) of the adverse h-hour log move at `BODY_LEVELS`: for a long (fall) z = −q(1 − p),
   * for a short (rise) z = q(p), where q is the quantile of ln(P_{t+h}/P_t) / (σ_t·√h).
   */
  fall: readonly number[];
  rise: readonly number[];
  /** Pareto tail index beyond the last body level: z(p) = z(p_last)·((1 − p_last)/(1 − p))^ξ. */
  fallTailIndex: number;
  riseTailIndex: number;
}

export interface AssetFit {
  /** 'ETH', 'BTC', 'SOL', or '*' for the pooled fit used for any other asset. */
  asset: string;
  /** Mean Hill estimate of the 720-hour windows in the fitting sample: the window's estimate is read against it. */
  meanWindowTailIndex: number;
  horizons: readonly HorizonFit[];
}
