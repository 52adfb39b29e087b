import type { MarketMoveState } from './marketMove/model';

/**
 * The risk model's inputs and outputs. Amounts are floats in asset units (e.g. dollars of the stablecoin), rates
 * are plain fractions (0.05 = 5 %). `fromChain.ts` converts the lens's bigint views into these.
 */

/** One perpetual market as the model sees it. */
export interface MarketRiskInput {
  name: string;
  /** Open interest of long positions at the oracle price (asset units). */
  longNotional: number;
  /** Open interest of short positions at the oracle price (asset units). */
  shortNotional: number;
  /** Maintenance margin as a fraction of notional: the buffer each book holds (see docs/risk-model.md). */
  maintenanceMarginRate: number;
  /** Square-root impact coefficient: slippage = impact × √(notional / liquidityDepth), capped at `maxSlippage`. */
  liquidationImpact: number;
  /** Liquidity depth of the market (asset units). */
  liquidityDepth: number;
  /** Annualised volatility of log returns (e.g. the EWMA estimate). */
  volatility: number;
  /**
   * The market-move model's reading of the hourly oracle history (lib/risk/marketMove). When present both engines
   * take the market's move from its fitted marginal; without it (too little history, or closed-form checks) the move
   * is a unit-variance Student-t scaled by `volatility`.
   */
  moveModel?: MarketMoveState;
}

/** One tranche in waterfall order: index 0 takes the first loss. */
export interface TrancheRiskInput {
  id: number;
  name: string;
  /** Capital that absorbs losses (the vault's totalAssets: vested capital). */
  capital: number;
}

export interface RiskInputs {
  markets: MarketRiskInput[];
  /** Correlation of the markets' returns, M × M, unit diagonal, positive semi-definite. */
  correlation: number[][];
  /** Junior first, then Mezzanine, then Senior. */
  tranches: TrancheRiskInput[];
}

/** What-if multipliers applied on top of the inputs. The identity is {1, 0, 1}. */
export interface StressScenario {
  /** Multiplies every market's volatility. */
  volatilityMultiplier: number;
  /** s ∈ [0, 1]: off-diagonal correlations become (1 − s)·ρ + s. */
  correlationStress: number;
  /** Multiplies every market's liquidity depth (< 1 means thinner books, more slippage). */
  liquidityDepthMultiplier: number;
}

export interface ModelParams {
  /** Liquidation horizon in days: how long a price move runs before the book is closed (the keeper's delay). */
  horizonDays: number;
  /**
   * Probability that a horizon's liquidations are stalled (network congestion, keepers down): one draw per scenario
   * for every market at once. A stalled liquidation lands after `stallHours` instead of the horizon.
   */
  stallProbability: number;
  /** How long a stalled liquidation waits, in hours (≥ the horizon). */
  stallHours: number;
  /** Student-t degrees of freedom (> 2) of the copula and the marginals; Infinity = Gaussian. */
  degreesOfFreedom: number;
  /** Annual cost of capital charged on a tranche's unexpected loss. */
  costOfCapital: number;
  /** Confidence level of the unexpected loss (ES at this level minus EL). */
  unexpectedLossLevel: number;
  /** 'log': the price moves by e^x − 1; 'simple': by x (arithmetic, for closed-form checks). */
  returns: 'log' | 'simple';
  /**
   * Number of equal positions a book is split into for liquidation: each pays the contract's slippage on its own
   * notional (impact recovers between liquidations). 1 = the whole book dumped at once (worst case).
   */
  positionsPerBook: number;
  /** The clearinghouse's slippage cap (Clearinghouse.MAX_SLIPPAGE = 0.5). */
  maxSlippage: number;
  /** Days per year for annualisation (crypto trades every day). */
  daysPerYear: number;
  /** Number of equal-width histogram bins. */
  histogramBins: number;
  /** Upper edge of the histogram; default the 99.9 % VaR (so the axis moves with the risk). */
  histogramMax?: number;
}

/** One tranche's risk figures and fair premium. */
export interface TrancheQuote {
  id: number;
  name: string;
  capital: number;
  /** Loss amount at which the tranche starts to lose: the capital below it. */
  attachment: number;
  /** Loss amount at which it is wiped out: attachment + capital. */
  detachment: number;
  /** attachment and detachment as fractions of total open interest (long + short notional). */
  attachmentOfOpenInterest: number;
  detachmentOfOpenInterest: number;
  /** P(the tranche loses anything over one horizon). */
  probabilityOfLoss: number;
  /** P(the tranche is wiped out over one horizon). */
  probabilityOfWipeout: number;
  /** Expected loss per horizon (asset units) and as a fraction of capital. */
  expectedLoss: number;
  expectedLossRate: number;
  /** Expected shortfall of the tranche's loss at `unexpectedLossLevel` (asset units). */
  tailLoss: number;
  /** tailLoss − expectedLoss (asset units). */
  unexpectedLoss: number;
  /** VaR and ES of the tranche's own loss over one horizon at each of TAIL_LEVELS (asset units). */
  tails: TailFigure[];
  /** expectedLossRate × horizons per year. */
  expectedLossApr: number;
  /** costOfCapital × unexpectedLoss / capital. */
  capitalChargeApr: number;
  /** expectedLossApr + capitalChargeApr. */
  fairPremiumApr: number;
}

export interface TailFigure {
  level: number;
  valueAtRisk: number;
  expectedShortfall: number;
}

export interface Histogram {
  /** Left edge of the first bin (0) and the bin width; bin i covers (i·width, (i + 1)·width]. */
  binWidth: number;
  counts: number[];
  /** Scenarios with no shortfall at all. */
  zeroCount: number;
  /** Scenarios above the last bin. */
  overflowCount: number;
}

export interface PortfolioRisk {
  /** Total tranche capital. */
  capital: number;
  /** Total open interest (long + short notional). */
  openInterest: number;
  expectedShortfall: number; // mean clearinghouse shortfall per horizon (expected loss)
  probabilityOfShortfall: number;
  tails: TailFigure[]; // 95 %, 99 %, 99.9 %
  /** capital / ES99 (Infinity when ES99 is 0). */
  solvencyRatio: number;
  /** P(shortfall > capital) and E[(shortfall − capital)⁺]: the socialised remainder. */
  probabilityOfDeficit: number;
  expectedDeficit: number;
}

export interface MonteCarloResult {
  kind: 'monteCarlo';
  scenarios: number;
  seed: number;
  portfolio: PortfolioRisk;
  /** Standard error of the mean shortfall. */
  expectedShortfallStdError: number;
  tranches: (TrancheQuote & { expectedLossStdError: number })[];
  /** Mean shortfall contributed by each market (same order as the inputs). */
  expectedShortfallByMarket: number[];
  histogram: Histogram;
}

export interface AnalyticResult {
  kind: 'analytic';
  portfolio: PortfolioRisk;
  tranches: TrancheQuote[];
  /** The LHP the markets were mapped to: loss = unit × L, L ~ Vasicek(pd, rho). */
  mapping: { pd: number; rho: number; unit: number };
}
