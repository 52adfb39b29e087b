import { describe, expect, it } from 'vitest';
import { isContiguous, parseHourlyCsv } from './hourlyCsv';

describe('parseHourlyCsv', () => {
  it('reads ts,close rows and keeps gaps as gaps', () => {
    const series = parseHourlyCsv('ts,close\n3600,100\n7200,101.5\n14400,99\n');
    expect(series).toEqual({ timestamps: [3600, 7200, 14400], closes: [100, 101.5, 99] });
    expect(isContiguous(series, 0, 1)).toBe(true);
    expect(isContiguous(series, 1, 1)).toBe(false);
    expect(isContiguous(series, 2, 1)).toBe(false);
  });

  it.each([
    ['time,price\n3600,1\n7200,2', /header/],
    ['ts,close\n3600,1\n3600,2', /line 3: ts must increase/],
    ['ts,close\n3600,1\n3700,2', /line 3: ts must be Unix seconds on the hour/],
    ['ts,close\n3600,1\n7200,-2', /line 3: close must be a positive number/],
    ['ts,close\n3600,1\n7200,abc', /line 3: close must be a positive number/],
    ['ts,close\n3600,1,9\n7200,2', /line 2: expected two fields/],
    ['ts,close\n3600,1', /at least two closes/],
  ])('refuses %j', (text, message) => {
    expect(() => parseHourlyCsv(text, 'test.csv')).toThrow(message);
  });
});
