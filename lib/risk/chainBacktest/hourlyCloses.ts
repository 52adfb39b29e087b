import type { HourlySeries } from '../marketMove/hourlyCsv';
import type { OraclePoint, OracleStaleness } from './types';

export const HOUR = 3_600;

/**
 * One close per hour from an oracle's readings: the last price at or before each hour's end, for every hour from
 * the one holding the first reading to the last that ended by `until` (hours before the first reading are dropped).
 * Hours without a reading of their own repeat the last price, as the oracle did: a zero move. `timestamps` are the
 * hours' starts (hourlyCsv.ts), so the series has no gaps.
 */
export function hourlyClosesOf(points: readonly OraclePoint[], until: number): HourlySeries {
  const timestamps: number[] = [];
  const closes: number[] = [];
  const first = points[0];
  if (!first) return { timestamps, closes };
  let next = 0;
  let price = first.price;
  for (let hour = Math.floor(first.timestamp / HOUR) * HOUR; hour + HOUR <= until; hour += HOUR) {
    while (next < points.length && (points[next] as OraclePoint).timestamp <= hour + HOUR) {
      price = (points[next] as OraclePoint).price;
      next++;
    }
    timestamps.push(hour);
    closes.push(price);
  }
  return { timestamps, closes };
}

/** The last price at or before `time` (null before the first reading). Points are oldest first. */
export function priceAt(points: readonly OraclePoint[], time: number): number | null {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle] as OraclePoint).timestamp <= time) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : (points[low - 1] as OraclePoint).price;
}

export function stalenessOf(series: HourlySeries): OracleStaleness {
  const { timestamps, closes } = series;
  let unchangedHours = 0;
  let lastChange: number | null = null;
  for (let i = 1; i < closes.length; i++) {
    if (closes[i] === closes[i - 1]) unchangedHours++;
    else lastChange = (timestamps[i] as number) + HOUR;
  }
  const last = timestamps.at(-1);
  return {
    unchangedHours,
    returns: Math.max(0, closes.length - 1),
    lastChange,
    end: last === undefined ? 0 : last + HOUR,
  };
}
