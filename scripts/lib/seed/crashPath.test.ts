import { describe, expect, it } from 'vitest';
import {
  CRASH_HOURS,
  closesFigures,
  crashPath,
  pricesAlong,
  TOTAL_FALL,
  WORST_HOUR,
  WORST_HOUR_INDEX,
} from './crashPath';
import { Rng } from './rng';

const ETH = 0;
const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

describe('crashPath', () => {
  for (const seed of [1, 42, 2024]) {
    const path = crashPath(Rng.stream(seed, 'crash'));
    const moves = (market: number) => path.map((hour) => hour[market]! - 1);

    it(`seed ${seed}: ETH's worst hour is the record's −21 % and no other hour comes near it`, () => {
      expect(path).toHaveLength(CRASH_HOURS);
      const eth = moves(ETH);
      expect(eth[WORST_HOUR_INDEX]).toBeCloseTo(WORST_HOUR, 12);
      const others = eth.filter((_, h) => h !== WORST_HOUR_INDEX);
      expect(Math.min(...others)).toBeGreaterThan(-0.1);
    });

    it(`seed ${seed}: ETH closes the 24 hours 45 % down, lower still on the way`, () => {
      const closes = [1, ...pricesAlong([1, 1, 1], path).map((p) => p[ETH]!)];
      const figures = closesFigures(closes);
      expect(figures.fall).toBeCloseTo(TOTAL_FALL, 12);
      expect(figures.worstHour).toBeCloseTo(WORST_HOUR, 12);
      expect(figures.low).toBeLessThanOrEqual(1 + TOTAL_FALL + 1e-12);
      expect(figures.low).toBeGreaterThan(0.5);
    });

    it(`seed ${seed}: BTC and SOL fall with ETH in its worst hour and in all, by less`, () => {
      for (const market of [1, 2]) {
        const total = product(path.map((h) => h[market]!)) - 1;
        expect(total).toBeLessThan(-0.15);
        expect(total).toBeGreaterThan(TOTAL_FALL);
        expect(moves(market)[WORST_HOUR_INDEX]).toBeLessThan(-0.05);
        expect(Math.min(...moves(market))).toBeGreaterThan(WORST_HOUR);
      }
    });
  }

  it('is the same path for the same seed and another for another seed', () => {
    const a = crashPath(Rng.stream(7, 'crash'));
    expect(crashPath(Rng.stream(7, 'crash'))).toEqual(a);
    expect(crashPath(Rng.stream(8, 'crash'))).not.toEqual(a);
  });
});

describe('closesFigures', () => {
  it('measures the fall end to end, the lowest close and the worst hour between closes', () => {
    const figures = closesFigures([100, 90, 99, 50, 60]);
    expect(figures.fall).toBeCloseTo(-0.4, 12);
    expect(figures.low).toBe(50);
    expect(figures.worstHour).toBeCloseTo(50 / 99 - 1, 12);
  });

  it('needs two closes', () => {
    expect(() => closesFigures([100])).toThrow(/two closes/);
  });
});
