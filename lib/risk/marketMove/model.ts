import {
  BODY_LEVELS,
  TAIL_INDEX_MAX,
  TAIL_INDEX_MIN,
  TAIL_CAP_LEVEL,
  TAIL_INDEX_RESPONSE,
  VARIANCE_LAMBDAS,
  WINDOW_CLOSES,
} from './constants';
import { FITTED_ASSETS } from './fitted';
import type { AssetFit, HorizonFit } from './types';
import { logReturnsOf, readWindow, type WindowState } from './window';

/** Fractional adverse moves: `fall` for a long (0.12 = a 12 % drop), `rise` for a short. */
export interface MarketMove {
  fall: number;
  rise: number;
}

export type MoveSide = 'fall' | 'rise';

/** The model's reading of a window as plain data: the asset's fit, the component variances, the Hill estimate. */
export interface MarketMoveState {
  asset: string;
  variances: number[];
  windowTailIndex: number | null;
  returns: number;
}

/** Largest log move the model will state (a 1000× rise): beyond it the Pareto tail says nothing useful. */
const MAX_LOG_MOVE = Math.log(1000);
const LAST_BODY = BODY_LEVELS.length - 1;
const LAST_BODY_LEVEL = BODY_LEVELS[LAST_BODY] as number;

/**
 * The model as of the last close of a window: built once, asked for any level and horizon.
 * `asset` picks the asset's fit ('ETH', 'BTC', 'SOL'; case and any "/ USD" suffix ignored), else the pooled one.
 */
export class MarketMoveModel {
  /** σ·√h and the moved tail indices of each fitted horizon: computed once, read by every quantile. */
  private readonly scales: Float64Array;
  private readonly fallTail: Float64Array;
  private readonly riseTail: Float64Array;

  private constructor(
    readonly fit: AssetFit,
    readonly state: WindowState,
  ) {
    const count = fit.horizons.length;
    this.scales = new Float64Array(count);
    this.fallTail = new Float64Array(count);
    this.riseTail = new Float64Array(count);
    fit.horizons.forEach((horizon, i) => {
      this.scales[i] = this.hourlySigma(horizon) * Math.sqrt(horizon.hours);
      this.fallTail[i] = this.tailIndex(horizon, 'fall');
      this.riseTail[i] = this.tailIndex(horizon, 'rise');
    });
  }

  /** The model as of the last of `closes` (it reads the last `WINDOW_CLOSES`). */
  static fromCloses(closes: ArrayLike<number>, asset?: string): MarketMoveModel {
    const returns = logReturnsOf(closes, Math.max(0, closes.length - WINDOW_CLOSES));
    return MarketMoveModel.atClose(returns, returns.length, asset);
  }

  /** The model from a state saved with `toState` (e.g. sent to a worker). */
  static fromState(state: MarketMoveState): MarketMoveModel {
    if (
      state.variances.length !== VARIANCE_LAMBDAS.length ||
      !state.variances.every((v) => v >= 0 && Number.isFinite(v))
    ) {
      throw new RangeError('a market-move state needs one finite variance ≥ 0 per component');
    }
    return new MarketMoveModel(fitFor(state.asset), {
      variances: Float64Array.from(state.variances),
      windowTailIndex: state.windowTailIndex ?? Number.NaN,
      returns: state.returns,
    });
  }

  /** What the model read from its window, as plain data (structured-clone and JSON safe: NaN becomes null). */
  toState(): MarketMoveState {
    const tail = this.state.windowTailIndex;
    return {
      asset: this.fit.asset,
      variances: Array.from(this.state.variances),
      windowTailIndex: Number.isFinite(tail) ? tail : null,
      returns: this.state.returns,
    };
  }

  /**
   * The model as of close `lastClose` of a series given by its log returns (`returns[i]` = ln(P_{i+1}/P_i)): the
   * same window as `fromCloses`, without recomputing logarithms (the walk-forward backtest).
   */
  static atClose(returns: ArrayLike<number>, lastClose: number, asset?: string): MarketMoveModel {
    const fit = fitFor(asset);
    const start = Math.max(0, lastClose + 1 - WINDOW_CLOSES);
    return new MarketMoveModel(fit, readWindow(returns, start, lastClose, (fit.horizons[0] as HorizonFit).weights));
  }

  /** Hourly σ of the log return at a fitted horizon's variance weights. */
  hourlySigma(fit: HorizonFit): number {
    let variance = 0;
    for (let c = 0; c < VARIANCE_LAMBDAS.length; c++) {
      variance += (fit.weights[c] as number) * (this.state.variances[c] as number);
    }
    return Math.sqrt(variance);
  }

  /** The tail index of a side at a fitted horizon, moved by the window's own Hill estimate. */
  tailIndex(fit: HorizonFit, side: MoveSide): number {
    const fitted = side === 'fall' ? fit.fallTailIndex : fit.riseTailIndex;
    const window = this.state.windowTailIndex;
    if (!Number.isFinite(window)) return fitted;
    const moved = fitted + TAIL_INDEX_RESPONSE * (window - this.fit.meanWindowTailIndex);
    return Math.min(TAIL_INDEX_MAX, Math.max(TAIL_INDEX_MIN, moved));
  }

  /** Standardised adverse quantile z(level) of a side at a fitted horizon (levels below ½ from the other side). */
  standardQuantile(fit: HorizonFit, side: MoveSide, level: number): number {
    return this.standardQuantileAt(this.fit.horizons.indexOf(fit), side, level);
  }

  private standardQuantileAt(horizon: number, side: MoveSide, level: number): number {
    if (level < 0.5) return -this.standardQuantileAt(horizon, side === 'fall' ? 'rise' : 'fall', 1 - level);
    const fit = this.fit.horizons[horizon] as HorizonFit;
    const body = side === 'fall' ? fit.fall : fit.rise;
    if (level >= LAST_BODY_LEVEL) {
      const index = (side === 'fall' ? this.fallTail : this.riseTail)[horizon] as number;
      return (body[LAST_BODY] as number) * ((1 - LAST_BODY_LEVEL) / (1 - Math.min(level, TAIL_CAP_LEVEL))) ** index;
    }
    let i = 1;
    while ((BODY_LEVELS[i] as number) < level) i++;
    const p0 = BODY_LEVELS[i - 1] as number;
    const p1 = BODY_LEVELS[i] as number;
    const z0 = body[i - 1] as number;
    const z1 = body[i] as number;
    return z0 + ((z1 - z0) * (level - p0)) / (p1 - p0);
  }

  /** The adverse log move of a side at a fitted horizon: σ·√h·z. */
  private fittedLogMove(horizon: number, side: MoveSide, level: number): number {
    return (this.scales[horizon] as number) * this.standardQuantileAt(horizon, side, level);
  }

  /**
   * The adverse log move at any horizon: interpolated in log-hours between fitted horizons, never less than at a
   * shorter fitted horizon (a liquidation that waits longer cannot face a smaller move); √h scaling below the first
   * and beyond the last fitted horizon.
   */
  logMove(side: MoveSide, level: number, horizonHours: number): number {
    checkLevel(level);
    if (!(horizonHours > 0 && Number.isFinite(horizonHours))) {
      throw new RangeError(`horizonHours must be positive and finite, got ${horizonHours}`);
    }
    const fits = this.fit.horizons;
    const first = fits[0] as HorizonFit;
    if (horizonHours <= first.hours) {
      return clampLog(this.fittedLogMove(0, side, level) * Math.sqrt(horizonHours / first.hours));
    }
    let previousMove = this.fittedLogMove(0, side, level);
    let best = previousMove;
    for (let i = 1; i < fits.length; i++) {
      const fit = fits[i] as HorizonFit;
      const previous = fits[i - 1] as HorizonFit;
      const here = this.fittedLogMove(i, side, level);
      if (horizonHours <= fit.hours) {
        const t = Math.log(horizonHours / previous.hours) / Math.log(fit.hours / previous.hours);
        return clampLog(Math.max(best, previousMove * (1 - t) + here * t));
      }
      previousMove = here;
      best = Math.max(best, here);
    }
    const last = fits[fits.length - 1] as HorizonFit;
    return clampLog(best * Math.sqrt(horizonHours / last.hours));
  }

  /**
   * P(the adverse log move over the horizon exceeds `logMove`): the level at which the model's quantile equals it,
   * found by bisection (the quantile is increasing in the level). 0 for a move beyond the largest the model states
   * (its quantile at `TAIL_CAP_LEVEL`): rarer than 1e-5 per horizon, outside what the fitting data can say.
   */
  exceedanceProbability(side: MoveSide, logMove: number, horizonHours: number): number {
    let low = 1e-12;
    let high = TAIL_CAP_LEVEL;
    if (this.logMove(side, high, horizonHours) < logMove) return 0;
    if (this.logMove(side, low, horizonHours) >= logMove) return 1 - low;
    for (let i = 0; i < 80 && high - low > 1e-13; i++) {
      const middle = 0.5 * (low + high);
      if (this.logMove(side, middle, horizonHours) < logMove) low = middle;
      else high = middle;
    }
    return 1 - 0.5 * (low + high);
  }

  quantile(level: number, horizonHours: number): MarketMove {
    return {
      fall: -Math.expm1(-this.logMove('fall', level, horizonHours)),
      rise: Math.expm1(this.logMove('rise', level, horizonHours)),
    };
  }
}

/**
 * The model's `level` quantile of the fractional adverse move over the next `horizonHours` hours, given up to the
 * last 720 hourly closes (the last one is now): `fall` for a long (0.12 = a 12 % drop), `rise` for a short.
 */
export function marketMoveQuantile(
  closes: readonly number[],
  level: number,
  horizonHours: number,
  asset?: string,
): MarketMove {
  return MarketMoveModel.fromCloses(closes, asset).quantile(level, horizonHours);
}

export function assetKey(name: string | undefined): string {
  if (!name) return '*';
  const key = /^[A-Za-z0-9]+/.exec(name.trim())?.[0]?.toUpperCase();
  return key ?? '*';
}

function fitFor(asset: string | undefined): AssetFit {
  const key = assetKey(asset);
  const fit = FITTED_ASSETS.find((f) => f.asset === key) ?? FITTED_ASSETS.find((f) => f.asset === '*');
  if (!fit) throw new Error('the market-move model has no pooled fit');
  return fit;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

function clampLog(value: number): number {
  return Math.max(-MAX_LOG_MOVE, Math.min(MAX_LOG_MOVE, value));
}
