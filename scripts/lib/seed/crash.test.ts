import { describe, expect, it } from 'vitest';
import { belowMaintenance, liquidationShortfall, shortfallAlong, solveWhaleNotional, type Exposure } from './crash';

// 300,000 tUSD of ETH at 3,000 with 10 % margin: small enough that ETH's 5 % maintenance rate, not slippage, applies
// (0.1 × √(300k / 5M) ≈ 2.4 %). Maintenance is crossed between 2,850 (equity 15,000 = 5 % of 285,000) and 2,840
// (equity 14,000 < 14,200).
const LONG: Exposure = { marketId: 0, isLong: true, size: 100, entry: 3_000, margin: 30_000 };

describe('liquidation along a path of marks', () => {
  it('liquidates only below maintenance', () => {
    expect(belowMaintenance(LONG, 2_850)).toBe(false);
    expect(belowMaintenance(LONG, 2_840)).toBe(true);
    // The short mirror: equity 16,000 ≥ 15,700 at 3,140; 15,500 < 15,725 at 3,145.
    expect(belowMaintenance({ ...LONG, isLong: false }, 3_140)).toBe(false);
    expect(belowMaintenance({ ...LONG, isLong: false }, 3_145)).toBe(true);
  });

  it('leaves a shortfall only when equity at the mark is negative', () => {
    expect(liquidationShortfall(LONG, 2_840)).toBe(0);
    expect(liquidationShortfall(LONG, 2_600)).toBeCloseTo(10_000, 6);
    expect(liquidationShortfall(LONG, 2_900)).toBe(0);
  });

  it('a keeper that misses the crossing liquidates at the later, lower mark', () => {
    expect(shortfallAlong(LONG, [2_900, 2_600, 2_500])).toBeCloseTo(10_000, 6);
    // In time, the same position costs nothing.
    expect(shortfallAlong(LONG, [2_840, 2_600])).toBe(0);
    expect(shortfallAlong(LONG, [2_950, 2_900])).toBe(0);
  });
});

describe('solveWhaleNotional', () => {
  const marks = [1_900, 1_850, 1_800];
  const weights = [0.5, 0.3, 0.2];
  const margins = [0.14, 0.125, 0.11];
  const shortfallOf = (notionals: number[]) =>
    notionals.reduce(
      (sum, n, i) =>
        sum +
        shortfallAlong({ marketId: 0, isLong: true, size: n / 3_000, entry: 3_000, margin: n * margins[i]! }, marks),
      0,
    );

  it('sizes the longs so that their liquidation at the first mark leaves the target shortfall', () => {
    const notionals = solveWhaleNotional(400_000, 3_000, marks, weights, margins);
    expect(notionals[1]! / notionals[0]!).toBeCloseTo(0.6, 9);
    expect(notionals[2]! / notionals[0]!).toBeCloseTo(0.4, 9);
    // A 36.7 % fall against 11-14 % margins loses about a quarter of the notional; the size's initial margin, if
    // higher than the posted rate, only shrinks the loss, so this sum is at least the target.
    expect(shortfallOf(notionals)).toBeGreaterThanOrEqual(400_000 - 1);
    expect(notionals.reduce((a, b) => a + b, 0)).toBeGreaterThan(400_000 / 0.367);
  });

  it('opens nothing when other accounts already reach the target', () => {
    expect(solveWhaleNotional(-5, 3_000, marks, weights, margins)).toEqual([0, 0, 0]);
  });
});
