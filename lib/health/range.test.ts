import { describe, expect, it } from 'vitest';
import { parseRange, rangeStart } from './range';
import { dailyLast, daysInRange, inRange, tableSamples, weeklyPremiums } from './series';

describe('range', () => {
  it('parses known ranges and falls back to 30d', () => {
    expect(parseRange('7d')).toBe('7d');
    expect(parseRange('all')).toBe('all');
    expect(parseRange('1y')).toBe('all');
    expect(parseRange(['7d', '90d'])).toBe('all');
    expect(parseRange(undefined)).toBe('all');
  });
  it('counts back from chain time', () => {
    expect(rangeStart('7d', 1_000_000)).toBe(1_000_000 - 7 * 86_400);
    expect(rangeStart('all', 1_000_000)).toBe(0);
  });
  it('filters inclusively and keeps each day’s last item', () => {
    const items = [10, 86_399, 86_400, 90_000].map((timestamp) => ({ timestamp }));
    expect(inRange(items, 86_399)).toHaveLength(3);
    expect(dailyLast(items).map((i) => i.timestamp)).toEqual([86_399, 90_000]);
  });
  it('lists days up to a month and weeks beyond, ending with the last sample', () => {
    const hourly = (days: number) => Array.from({ length: days * 24 }, (_, h) => ({ timestamp: 1_000 * 86_400 + h * 3_600 }));
    const month = tableSamples(hourly(31));
    expect(month.period).toBe('day');
    expect(month.rows).toHaveLength(31);
    const season = tableSamples(hourly(120));
    expect(season.period).toBe('week');
    expect(season.rows.length).toBeGreaterThanOrEqual(17);
    expect(season.rows.length).toBeLessThanOrEqual(19);
    expect(season.rows.at(-1)).toEqual(hourly(120).at(-1));
  });
});

describe('daysInRange', () => {
  it('keeps the partial first day of a range and drops days that end before it', () => {
    const day = 86_400;
    const days = [{ timestamp: 0 }, { timestamp: day }, { timestamp: 2 * day }];
    expect(daysInRange(days, day + 3_600).map((d) => d.timestamp)).toEqual([day, 2 * day]);
    expect(daysInRange(days, 2 * day).map((d) => d.timestamp)).toEqual([2 * day]);
  });
});

describe('weeklyPremiums', () => {
  it('sums each week exactly, in bigint, per tranche and in total', () => {
    const week = 7 * 86_400;
    const day = (t: number, a: string, b: string, c: string) => ({ timestamp: t, amount: String(BigInt(a) + BigInt(b) + BigInt(c)), byTranche: [a, b, c] as [string, string, string] });
    const days = [day(0, '1', '2', '3'), day(86_400, '10', '0', '0'), day(week, '900000000000000000001', '0', '5')];
    expect(weeklyPremiums(days)).toEqual([
      { timestamp: 0, amount: '16', byTranche: ['11', '2', '3'] },
      { timestamp: week, amount: '900000000000000000006', byTranche: ['900000000000000000001', '0', '5'] },
    ]);
  });
});
