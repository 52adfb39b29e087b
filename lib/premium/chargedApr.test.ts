import { describe, expect, it } from 'vitest';
import { averageMultiplier, chargedAprs } from './chargedApr';

const WAD = 10n ** 18n;
const DAY = 86_400;
const usd = (n: number) => BigInt(Math.round(n * 1e6));

describe('chargedAprs', () => {
  it('annualises the window premiums on capital now, and reprices them at the multiplier in force', () => {
    const now = 100 * DAY;
    const [junior, senior] = chargedAprs({
      // 30 days: Junior got 3 × 1,000, Senior 300; one payment before the window does not count.
      flows: [
        { timestamp: now - 40 * DAY, byTranche: [usd(50_000), usd(0)] },
        { timestamp: now - 20 * DAY, byTranche: [usd(1_000), usd(100)] },
        { timestamp: now - 10 * DAY, byTranche: [usd(1_000), usd(100)] },
        { timestamp: now, byTranche: [usd(1_000), usd(100)] },
      ],
      capital: [usd(100_000), usd(1_000_000)],
      // ×1 for the first half of the window, ×3 for the second: average 2; now 4 → twice the trailing rate.
      multipliers: [
        { timestamp: now - 45 * DAY, multiplier: WAD },
        { timestamp: now - 15 * DAY, multiplier: 3n * WAD },
      ],
      multiplierNow: 4n * WAD,
      now,
      windowSeconds: 30 * DAY,
    });
    expect(junior!.trailing).toBeCloseTo((3_000 / 100_000) * (365 / 30), 10);
    expect(junior!.now).toBeCloseTo(2 * junior!.trailing!, 10);
    expect(senior!.trailing).toBeCloseTo((300 / 1_000_000) * (365 / 30), 10);
  });

  it('says nothing for an empty tranche', () => {
    const [empty] = chargedAprs({
      flows: [],
      capital: [0n],
      multipliers: [],
      multiplierNow: WAD,
      now: DAY,
      windowSeconds: DAY,
    });
    expect(empty).toEqual({ trailing: null, now: null });
  });
});

describe('averageMultiplier', () => {
  it('weights each value by the time it was in force', () => {
    const points = [
      { timestamp: 10, multiplier: 2n * WAD },
      { timestamp: 20, multiplier: 4n * WAD },
    ];
    expect(averageMultiplier(points, 0, 40, WAD)).toBe(3n * WAD); // 2 from 0–20 (first point carried back), 4 from 20–40
    expect(averageMultiplier(points, 15, 25, WAD)).toBe(3n * WAD);
    expect(averageMultiplier([], 0, 10, 5n * WAD)).toBe(5n * WAD);
  });
});
