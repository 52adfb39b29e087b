/** Fixed choices of the market-move model (docs/risk-model.md explains each); the fitted numbers are in fitted.ts. */

/** Decays of the three EWMA variance components: half-lives ≈ 1 h, 11 h and 69 h. */
export const VARIANCE_LAMBDAS = [0.5, 0.94, 0.99] as const;

/** Confidence levels of the tabulated body of each side; beyond the last, a Pareto tail. */
export const BODY_LEVELS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99] as const;

/** Horizons (hours) the model is fitted at; others are interpolated in log-hours. */
export const FITTED_HORIZONS = [1, 2, 4, 8, 12, 24, 48, 72] as const;

/** The model reads at most this many closes (30 days of hours): the window of `marketMoveQuantile`. */
export const WINDOW_CLOSES = 720;

/** Largest standardised residuals the window's Hill estimate of the tail index uses, and the fewest returns for it. */
export const HILL_ORDER = 20;
export const HILL_MIN_RETURNS = 240;

/** Returns that start the EWMA recursion (their mean square) and are left out of the window's residuals. */
export const EWMA_SEED_RETURNS = 20;

/** The window's tail index moves the fitted one by this much of its distance from the fitting sample's mean. */
export const TAIL_INDEX_RESPONSE = 1;

/**
 * The Pareto tail is followed up to this level and held flat beyond: the fitting data (≈ 200,000 hours) say nothing
 * about rarer hours, and an unbounded power law would let a one-in-a-billion draw dominate every expectation.
 */
export const TAIL_CAP_LEVEL = 1 - 1e-5;

/** Bounds of the tail index after the window's adjustment. */
export const TAIL_INDEX_MIN = 0.02;
export const TAIL_INDEX_MAX = 1;
