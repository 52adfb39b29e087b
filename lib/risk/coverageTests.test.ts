import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  christoffersenPValue,
  christoffersenStatistic,
  kupiecPValue,
  kupiecStatistic,
  trafficLight,
  transitionCounts,
} from './coverageTests';

describe('Kupiec proportion of failures', () => {
  it('matches the hand-worked 5 exceptions in 250 days at 1 %', () => {
    // −2[245·ln 0.99 + 5·ln 0.01 − 245·ln 0.98 − 5·ln 0.02] = −2[245·0.0101524 − 5·ln 2] = 1.956810
    expect(kupiecStatistic(5, 250, 0.01)).toBeCloseTo(1.95681, 5);
    expect(kupiecPValue(5, 250, 0.01)).toBeCloseTo(0.161855, 5);
  });

  it('is zero when the exceptions are exactly as expected, and rejects far too many or too few', () => {
    expect(kupiecStatistic(10, 1000, 0.01)).toBeCloseTo(0, 12);
    expect(kupiecPValue(30, 1000, 0.01)).toBeLessThan(1e-5);
    expect(kupiecPValue(0, 5000, 0.01)).toBeLessThan(1e-10);
  });

  it('refuses counts that are not counts', () => {
    expect(() => kupiecStatistic(3, 2, 0.01)).toThrow(RangeError);
    expect(() => kupiecStatistic(1.5, 10, 0.01)).toThrow(RangeError);
    expect(() => kupiecStatistic(1, 10, 1)).toThrow(RangeError);
  });
});

describe('Christoffersen independence', () => {
  it('counts the transitions of an exception series', () => {
    expect(transitionCounts([0, 1, 1, 1, 0, 0, 0, 0])).toEqual({ n00: 3, n01: 1, n10: 1, n11: 2 });
  });

  it('matches the hand-worked clustered series', () => {
    // π = 3/7, π₀₁ = 1/4, π₁₁ = 2/3:
    // LR = −2[4·ln(4/7) + 3·ln(3/7) − 3·ln(3/4) − ln(1/4) − ln(1/3) − 2·ln(2/3)] = 1.242947
    const counts = transitionCounts([0, 1, 1, 1, 0, 0, 0, 0]);
    expect(christoffersenStatistic(counts)).toBeCloseTo(1.242947, 5);
    expect(christoffersenPValue(counts)).toBeCloseTo(0.264904, 5);
  });

  it('is zero when exceptions follow non-exceptions as often as exceptions', () => {
    // n00 = 4, n01 = 2, n10 = 2, n11 = 1: π₀₁ = π₁₁ = 1/3.
    expect(christoffersenStatistic(transitionCounts([0, 0, 1, 1, 0, 0, 0, 1, 0, 0]))).toBeCloseTo(0, 12);
    expect(christoffersenStatistic(transitionCounts([0, 0, 0]))).toBe(0);
  });

  it('rejects exceptions that come in runs', () => {
    const runs = Array.from({ length: 2000 }, (_, i) => (i % 100 < 5 ? 1 : 0));
    expect(christoffersenPValue(transitionCounts(runs))).toBeLessThan(1e-10);
  });
});

describe('Basel traffic light', () => {
  it('reproduces the 250-day, 99 % zones: green to 4, yellow 5 to 9, red from 10', () => {
    expect(binomialCdf(4, 250, 0.01)).toBeCloseTo(0.892188, 5);
    expect(binomialCdf(5, 250, 0.01)).toBeCloseTo(0.958817, 5);
    expect(binomialCdf(10, 250, 0.01)).toBeCloseTo(0.999946, 5);
    expect([4, 5, 9, 10].map((x) => trafficLight(x, 250, 0.01))).toEqual(['green', 'yellow', 'yellow', 'red']);
  });

  it('stays finite for the hourly sample sizes of a backtest', () => {
    const cdf = binomialCdf(2_650, 52_412, 0.05);
    expect(cdf).toBeGreaterThan(0.5);
    expect(cdf).toBeLessThan(1);
  });
});
