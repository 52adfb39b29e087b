import { describe, expect, it } from 'vitest';
import { parseRange, rangeStart } from './range';
import { dailyLast, daysInRange, inRange } from './series';

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
  it('lists one row per day over a season, ending with the last sample', () => {
    const hourly = Array.from({ length: 120 * 24 }, (_, h) => ({ timestamp: 1_000 * 86_400 + h * 3_600 }));
    const rows = dailyLast(hourly);
    expect(rows).toHaveLength(120);
    expect(rows.at(-1)).toEqual(hourly.at(-1));
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
