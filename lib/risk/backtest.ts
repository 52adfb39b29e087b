import { christoffersenPValue, kupiecPValue, trafficLight, transitionCounts, type TrafficLight } from './coverageTests';
import { isContiguous, type HourlySeries } from './marketMove/hourlyCsv';
import { MarketMoveModel, type MoveSide } from './marketMove/model';
import { logReturnsOf } from './marketMove/window';

/**
 * Walk-forward backtest of the market-move model: at every hour, the model as of that hour's close (its last 720
 * closes, nothing later) against the move that followed. One-hour forecasts are checked every hour; longer horizons
 * on non-overlapping blocks (every h-th hour), so the exceptions of a cell are independent under the model. A
 * forecast whose horizon spans a missing hour is skipped. Cells are split in and out of sample at `splitAt`.
 */
export interface BacktestOptions {
  asset?: string;
  levels?: readonly number[];
  horizons?: readonly number[];
  /** Unix seconds: forecasts made before are "in" sample, from it "out". Without it every cell is "all". */
  splitAt?: number;
  /** Closes of history the first forecast needs (default 24). */
  minHistory?: number;
  /** Keep each forecast of this level and horizon for a chart. */
  trace?: { level: number; horizonHours: number };
  /**
   * The model as of close k, when the caller reads the history its own way (the chain's oracle, flat hours folded);
   * null skips the hour. Default: the last 720 closes of the series.
   */
  modelAt?: (k: number) => MarketMoveModel | null;
}

export type BacktestPeriod = 'in' | 'out' | 'all';

export interface BacktestCell {
  period: BacktestPeriod;
  horizonHours: number;
  level: number;
  side: MoveSide;
  observations: number;
  exceptions: number;
  expected: number;
  /** exceptions / expected (NaN with no observations). */
  ratio: number;
  kupiecP: number;
  christoffersenP: number;
  zone: TrafficLight;
}

export interface BacktestPoint {
  /** Unix seconds of the forecast (the close it was made at). */
  time: number;
  /** The forecast's fall and rise quantiles (fractions) and the move that followed (fraction, signed). */
  fall: number;
  rise: number;
  realised: number;
  exception: boolean;
}

export interface BacktestReport {
  cells: BacktestCell[];
  trace: BacktestPoint[];
  forecasts: number;
}

export const BACKTEST_LEVELS = [0.95, 0.99, 0.999] as const;
export const BACKTEST_HORIZONS = [1, 24] as const;
const SIDES: readonly MoveSide[] = ['fall', 'rise'];

export function walkForward(series: HourlySeries, options: BacktestOptions = {}): BacktestReport {
  const levels = options.levels ?? BACKTEST_LEVELS;
  const horizons = options.horizons ?? BACKTEST_HORIZONS;
  const minHistory = Math.max(2, options.minHistory ?? 24);
  const { closes, timestamps } = series;
  const exceptions = new Map<string, number[]>();
  const key = (period: BacktestPeriod, h: number, level: number, side: MoveSide) => `${period}|${h}|${level}|${side}`;
  const trace: BacktestPoint[] = [];
  let forecasts = 0;
  const returns = logReturnsOf(closes);
  const first = minHistory - 1;
  for (let k = first; k < closes.length - 1; k++) {
    let model: MarketMoveModel | null | undefined;
    const time = timestamps[k] as number;
    const period: BacktestPeriod = options.splitAt === undefined ? 'all' : time < options.splitAt ? 'in' : 'out';
    for (const hours of horizons) {
      if ((k - first) % hours !== 0 || k + hours >= closes.length || !isContiguous(series, k, hours)) continue;
      if (model === undefined)
        model = options.modelAt ? options.modelAt(k) : MarketMoveModel.atClose(returns, k, options.asset);
      if (model === null) break;
      const realised = Math.log((closes[k + hours] as number) / (closes[k] as number));
      forecasts++;
      for (const level of levels) {
        const fall = model.logMove('fall', level, hours);
        const rise = model.logMove('rise', level, hours);
        const fallException = -realised > fall;
        const riseException = realised > rise;
        push(exceptions, key(period, hours, level, 'fall'), fallException ? 1 : 0);
        push(exceptions, key(period, hours, level, 'rise'), riseException ? 1 : 0);
        if (options.trace && options.trace.level === level && options.trace.horizonHours === hours) {
          trace.push({
            time,
            fall: -Math.expm1(-fall),
            rise: Math.expm1(rise),
            realised: Math.expm1(realised),
            exception: fallException || riseException,
          });
        }
      }
    }
  }
  const periods: BacktestPeriod[] = options.splitAt === undefined ? ['all'] : ['in', 'out'];
  const cells: BacktestCell[] = [];
  for (const period of periods) {
    for (const hours of horizons) {
      for (const level of levels) {
        for (const side of SIDES) {
          cells.push(cell(period, hours, level, side, exceptions.get(key(period, hours, level, side)) ?? []));
        }
      }
    }
  }
  return { cells, trace, forecasts };
}

function cell(
  period: BacktestPeriod,
  horizonHours: number,
  level: number,
  side: MoveSide,
  series: number[],
): BacktestCell {
  const observations = series.length;
  const count = series.reduce((sum, e) => sum + e, 0);
  const probability = 1 - level;
  const expected = observations * probability;
  return {
    period,
    horizonHours,
    level,
    side,
    observations,
    exceptions: count,
    expected,
    ratio: expected > 0 ? count / expected : Number.NaN,
    kupiecP: kupiecPValue(count, observations, probability),
    christoffersenP: christoffersenPValue(transitionCounts(series)),
    zone: observations > 0 ? trafficLight(count, observations, probability) : 'green',
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
