import type { BacktestCell, BacktestPoint } from '../backtest';
import type { MoveSide } from '../marketMove/model';

/** One indexed oracle reading of a market (price as a float: only ratios of prices are used). */
export interface OraclePoint {
  /** Unix seconds. */
  timestamp: number;
  price: number;
}

/** A market's indexed oracle history, oldest first. */
export interface MarketHistory {
  id: number;
  name: string;
  points: OraclePoint[];
}

/** A loss event as the backtest needs it. */
export interface LossEvent {
  lossId: string;
  marketId: number;
  market: string;
  /** Unix seconds. */
  timestamp: number;
}

/** How often the oracle's hourly close did not change: a repeated price reads as a zero move. */
export interface OracleStaleness {
  /** Hours whose close equals the previous hour's. */
  unchangedHours: number;
  /** Hourly returns in all (closes − 1). */
  returns: number;
  /** Unix seconds of the last hour whose close differed from the one before (null: never changed). */
  lastChange: number | null;
  /** Unix seconds of the end of the last hour in the series. */
  end: number;
}

export interface MarketBacktest {
  id: number;
  name: string;
  /** The fitted asset the model used ('ETH', 'BTC', 'SOL'), or '*' for the pooled fit. */
  asset: string;
  /** Hourly closes built from the indexed history. */
  hours: number;
  staleness: OracleStaleness;
  cells: BacktestCell[];
  /** Every 99 % one-hour forecast: `time` is the end of the hour whose close it was made at (Unix s). */
  trace: BacktestPoint[];
  verdict: Verdict;
}

/** The move of a loss's market before it, and what the model said of such a move beforehand. */
export interface LossMove {
  horizonHours: number;
  /** Fractional move of the oracle over the horizon before the loss (−0.21 = a 21 % fall). */
  move: number;
  side: MoveSide;
  /** P(an adverse move at least this large over the horizon), by the model as of the horizon's start. */
  probability: number;
  /** probability × horizons in a year (8,760 for one hour, 365 for a day). */
  perYear: number;
  /** 1 / perYear. */
  onceInYears: number;
}

export interface LossEventMoves extends LossEvent {
  /** One-hour and 24-hour moves; a horizon is absent when the history before the loss is too short. */
  moves: LossMove[];
}

export interface Verdict {
  held: boolean;
  /** Too few forecasts to tell anything (then `held` is true but says little). */
  tooShort: boolean;
  /** One line in plain words. */
  text: string;
}

export interface ChainBacktest {
  markets: MarketBacktest[];
  losses: LossEventMoves[];
  verdict: Verdict;
  /** Unix seconds of the last indexed sample the series were built from. */
  through: number | null;
}
