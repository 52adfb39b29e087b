import { describe, expect, it } from 'vitest';
import { BODY_LEVELS, HILL_MIN_RETURNS, TAIL_CAP_LEVEL } from './constants';
import { FITTED_ASSETS } from './fitted';
import { assetKey, marketMoveQuantile, MarketMoveModel } from './model';
import { syntheticCloses } from './testSeries';
import { hillOfSquares } from './window';

const closes = syntheticCloses(720);
const LEVELS = [0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999, 0.99999];
const HORIZONS = [0.25, 0.5, 1, 1.5, 2, 3, 5, 6, 10, 12, 18, 24, 36, 48, 60, 72, 100, 168];

describe('marketMoveQuantile', () => {
  it('is increasing in the level, on both sides, at every horizon', () => {
    for (const hours of HORIZONS) {
      const moves = LEVELS.map((level) => marketMoveQuantile(closes, level, hours, 'ETH'));
      for (let i = 1; i < moves.length; i++) {
        expect(moves[i]!.fall).toBeGreaterThan(moves[i - 1]!.fall);
        expect(moves[i]!.rise).toBeGreaterThan(moves[i - 1]!.rise);
      }
    }
  });

  it('never falls as the horizon grows', () => {
    for (const asset of ['ETH', 'BTC', 'SOL', 'DOGE']) {
      for (const level of [0.9, 0.95, 0.99, 0.999]) {
        const moves = HORIZONS.map((hours) => marketMoveQuantile(closes, level, hours, asset));
        for (let i = 1; i < moves.length; i++) {
          expect(moves[i]!.fall).toBeGreaterThanOrEqual(moves[i - 1]!.fall);
          expect(moves[i]!.rise).toBeGreaterThanOrEqual(moves[i - 1]!.rise);
        }
      }
    }
  });

  it('states a fall as a fraction below 1 and a rise above 0', () => {
    const move = marketMoveQuantile(closes, 0.999999, 72, 'SOL');
    expect(move.fall).toBeGreaterThan(0);
    expect(move.fall).toBeLessThan(1);
    expect(move.rise).toBeGreaterThan(move.fall);
  });

  it('scales with the volatility: doubling every log return doubles the log move', () => {
    const doubled = closes.map((c) => c * (c / 1000));
    for (const [level, hours] of [
      [0.99, 1],
      [0.999, 24],
    ] as const) {
      const base = marketMoveQuantile(closes, level, hours, 'BTC');
      const twice = marketMoveQuantile(doubled, level, hours, 'BTC');
      expect(Math.log1p(twice.rise)).toBeCloseTo(2 * Math.log1p(base.rise), 10);
      expect(-Math.log1p(-twice.fall)).toBeCloseTo(-2 * Math.log1p(-base.fall), 10);
    }
  });

  it('reads only the last 720 closes', () => {
    const longer = [...syntheticCloses(500, 99), ...closes];
    expect(marketMoveQuantile(longer.slice(-720), 0.99, 6, 'ETH')).toEqual(marketMoveQuantile(closes, 0.99, 6, 'ETH'));
    expect(marketMoveQuantile(longer, 0.99, 6, 'ETH')).toEqual(marketMoveQuantile(closes, 0.99, 6, 'ETH'));
  });

  it('states no move for a price that never moved, and a finite one for absurd but positive prices', () => {
    expect(marketMoveQuantile(Array(100).fill(42), 0.999, 24)).toEqual({ fall: 0, rise: 0 });
    const wild = closes.map((c, i) => (i % 2 === 0 ? c * 1e150 : c * 1e-150));
    const move = marketMoveQuantile(wild, 0.99, 1, 'ETH');
    expect(move.fall).toBeLessThanOrEqual(1);
    expect(Number.isFinite(move.rise)).toBe(true);
  });

  it('refuses prices, levels and horizons it cannot read', () => {
    expect(() => marketMoveQuantile([100], 0.99, 1)).toThrow(RangeError);
    expect(() => marketMoveQuantile([100, 0, 101], 0.99, 1)).toThrow(/positive/);
    expect(() => marketMoveQuantile([100, Number.NaN, 101], 0.99, 1)).toThrow(/positive/);
    expect(() => marketMoveQuantile(closes, 1, 1)).toThrow(/level/);
    expect(() => marketMoveQuantile(closes, 0, 1)).toThrow(/level/);
    expect(() => marketMoveQuantile(closes, 0.99, 0)).toThrow(/horizonHours/);
    expect(() => marketMoveQuantile(closes, 0.99, Number.POSITIVE_INFINITY)).toThrow(/horizonHours/);
  });
});

describe('the Pareto tail', () => {
  // Fewer returns than the Hill estimate needs: the tail index is the fitted one.
  const short = closes.slice(0, HILL_MIN_RETURNS - 10);
  const model = MarketMoveModel.fromCloses(short, 'ETH');
  const fit = model.fit.horizons[0]!;
  const last = BODY_LEVELS.length - 1;

  it('follows its closed form beyond the body and meets the body at its last level', () => {
    expect(Number.isNaN(model.state.windowTailIndex)).toBe(true);
    for (const p of [0.995, 0.999, 0.9999, TAIL_CAP_LEVEL]) {
      const closedForm = fit.fall[last]! * ((1 - BODY_LEVELS[last]!) / (1 - p)) ** fit.fallTailIndex;
      expect(model.standardQuantile(fit, 'fall', p)).toBeCloseTo(closedForm, 10);
    }
    // Held flat beyond the cap.
    expect(model.standardQuantile(fit, 'fall', 1 - 1e-9)).toBe(model.standardQuantile(fit, 'fall', TAIL_CAP_LEVEL));
    expect(model.exceedanceProbability('fall', 10 * model.logMove('fall', TAIL_CAP_LEVEL, 1), 1)).toBe(0);
    expect(model.standardQuantile(fit, 'rise', BODY_LEVELS[last]!)).toBeCloseTo(fit.rise[last]!, 12);
  });

  it('is inverted by exceedanceProbability', () => {
    for (const level of [0.6, 0.9, 0.99, 0.999, 0.9999]) {
      for (const side of ['fall', 'rise'] as const) {
        const move = model.logMove(side, level, 1);
        expect(model.exceedanceProbability(side, move, 1)).toBeCloseTo(1 - level, 9);
      }
    }
  });

  it('moves with the window: a heavier-tailed window gets a heavier tail', () => {
    const calm = MarketMoveModel.fromCloses(syntheticCloses(720, 3), 'ETH');
    const fitted = calm.fit.horizons[0]!.riseTailIndex;
    const expected = fitted + (calm.state.windowTailIndex - calm.fit.meanWindowTailIndex);
    expect(calm.tailIndex(calm.fit.horizons[0]!, 'rise')).toBeCloseTo(Math.min(1, Math.max(0.02, expected)), 12);
  });
});

describe('the Hill estimate', () => {
  it('recovers the index of exact Pareto order statistics', () => {
    const xi = 0.3;
    const n = 20_000;
    // The 21 largest of n Pareto(ξ) variates at their expected ranks, squared, ascending.
    const top = Float64Array.from({ length: 21 }, (_, j) => {
      const rank = n - 20 + j;
      return ((1 - rank / (n + 1)) ** -xi) ** 2;
    });
    expect(hillOfSquares(top)).toBeGreaterThan(xi * 0.85);
    expect(hillOfSquares(top)).toBeLessThan(xi * 1.15);
  });
});

describe('fitted constants', () => {
  it('cover ETH, BTC, SOL and a pooled fit, each side increasing in the level', () => {
    expect(FITTED_ASSETS.map((f) => f.asset).sort()).toEqual(['*', 'BTC', 'ETH', 'SOL']);
    for (const asset of FITTED_ASSETS) {
      for (const horizon of asset.horizons) {
        for (const side of [horizon.fall, horizon.rise]) {
          for (let i = 1; i < side.length; i++) expect(side[i]!).toBeGreaterThan(side[i - 1]!);
        }
        expect(horizon.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('are picked by asset name, with the pooled fit for any other', () => {
    expect(assetKey('ETH / USD')).toBe('ETH');
    expect(assetKey('sol-perp')).toBe('SOL');
    expect(assetKey(undefined)).toBe('*');
    expect(MarketMoveModel.fromCloses(closes, 'eth / usd').fit.asset).toBe('ETH');
    expect(MarketMoveModel.fromCloses(closes, 'DOGE').fit.asset).toBe('*');
  });
});
