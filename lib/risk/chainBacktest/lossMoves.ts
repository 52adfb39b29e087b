import type { HourlySeries } from '../marketMove/hourlyCsv';
import { MIN_MODEL_RETURNS } from '../fromChain';
import { hourlyEquivalentCloses } from '../marketMove/flatHours';
import { MarketMoveModel } from '../marketMove/model';
import { HOUR, priceAt } from './hourlyCloses';
import type { LossMove, OraclePoint } from './types';

const HOURS_PER_YEAR = 8_760;

/**
 * The oracle's move over the `horizonHours` before `time`, and the probability the model as of the start of that
 * window (its last hourly close ended by then, nothing later) gave to an adverse move at least that large. Null when
 * the history does not reach back far enough for a price and a model.
 */
export function lossMove(
  points: readonly OraclePoint[],
  series: HourlySeries,
  asset: string,
  time: number,
  horizonHours: number,
): LossMove | null {
  const start = time - horizonHours * HOUR;
  const before = priceAt(points, start);
  const after = priceAt(points, time);
  if (before === null || after === null) return null;
  // The model as the quotes read the history: flat hours folded (marketMove/flatHours.ts).
  const closes = hourlyEquivalentCloses(closesEndedBy(series, start));
  if (closes.length - 1 < MIN_MODEL_RETURNS) return null;
  const logMove = Math.log(after / before);
  const side = logMove < 0 ? 'fall' : 'rise';
  const model = MarketMoveModel.fromCloses(closes, asset);
  const probability = model.exceedanceProbability(side, Math.abs(logMove), horizonHours);
  const perYear = (probability * HOURS_PER_YEAR) / horizonHours;
  return { horizonHours, move: Math.expm1(logMove), side, probability, perYear, onceInYears: 1 / perYear };
}

/** The closes of the hours that ended at or before `time` (the series' timestamps are the hours' starts). */
function closesEndedBy(series: HourlySeries, time: number): number[] {
  let count = 0;
  while (count < series.timestamps.length && (series.timestamps[count] as number) + HOUR <= time) count++;
  return series.closes.slice(0, count);
}
