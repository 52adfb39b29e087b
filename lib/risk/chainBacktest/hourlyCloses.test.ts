import { describe, expect, it } from 'vitest';
import { hourlyClosesOf, priceAt, stalenessOf } from './hourlyCloses';

const H = 3_600;
const T = 1_700_000_000 - (1_700_000_000 % H);

describe('hourlyClosesOf', () => {
  it('takes the last price at or before each hour end, repeats it through hours without a reading, stops at the last whole hour', () => {
    const points = [
      { timestamp: T + 600, price: 100 },
      { timestamp: T + 1_800, price: 101 },
      { timestamp: T + H, price: 102 }, // exactly at the first hour's end: that hour's close
      { timestamp: T + 3 * H + 5, price: 90 },
    ];
    const series = hourlyClosesOf(points, T + 4 * H + 10);
    expect(series.timestamps).toEqual([T, T + H, T + 2 * H, T + 3 * H]);
    expect(series.closes).toEqual([102, 102, 102, 90]);
    // An hour that has not ended by `until` is left out.
    expect(hourlyClosesOf(points, T + 4 * H - 1).closes).toEqual([102, 102, 102]);
    expect(hourlyClosesOf([], T + 10 * H).closes).toEqual([]);
  });

  it('counts repeated closes as unchanged hours and dates the last change', () => {
    const points = [
      { timestamp: T, price: 100 },
      { timestamp: T + H + 1, price: 110 },
    ];
    const s = stalenessOf(hourlyClosesOf(points, T + 6 * H));
    expect(s).toEqual({ unchangedHours: 4, returns: 5, lastChange: T + 2 * H, end: T + 6 * H });
  });
});

describe('priceAt', () => {
  it('is the last reading at or before the time, null before the first', () => {
    const points = [
      { timestamp: 10, price: 1 },
      { timestamp: 20, price: 2 },
      { timestamp: 30, price: 3 },
    ];
    expect([9, 10, 19, 20, 29, 31].map((t) => priceAt(points, t))).toEqual([null, 1, 1, 2, 2, 3]);
  });
});
