import { describe, expect, it } from 'vitest';
import {
  MAX_UINT256,
  MAX_UTILISATION,
  mulDiv,
  premiumMultiplier,
  premiumShares,
  requiredCapital,
  solvencyRatio,
  utilisationOf,
  WAD,
} from './solvencyMath';

const wad = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;

describe('the contracts’ solvency arithmetic', () => {
  it('rounds each market’s requirement down, as Math.mulDiv does', () => {
    // 1,000,001 raw units × 12.5 % = 125,000.125 → 125,000; 3 × 33.33…% = 0.999… → 0
    const third = WAD / 3n;
    expect(
      requiredCapital([
        { longNotional: 600_001n, shortNotional: 400_000n, stressLossRate: wad(0.125) },
        { longNotional: 3n, shortNotional: 0n, stressLossRate: third },
      ]),
    ).toBe(125_000n);
  });

  it('reports an unbounded ratio when nothing is required, else capital ÷ required rounded down', () => {
    expect(solvencyRatio(5n, 0n)).toBe(MAX_UINT256);
    expect(solvencyRatio(2n, 3n)).toBe(666_666_666_666_666_666n);
  });

  it('turns the ratio into utilisation rounded up and capped', () => {
    expect(utilisationOf(MAX_UINT256)).toBe(0n);
    expect(utilisationOf(0n)).toBe(MAX_UTILISATION);
    expect(utilisationOf(3n * WAD)).toBe(333_333_333_333_333_334n);
    expect(utilisationOf(WAD / 10n)).toBe(MAX_UTILISATION);
  });

  it('prices the premium multiplier on both sides of the kink, scaled by volatility', () => {
    const curve = {
      kink: wad(0.8),
      slope1: wad(0.5),
      slope2: wad(4),
      referenceVolatility: wad(0.5),
      volatility: wad(0.75),
    };
    // u = 0.4: 1 + 0.5 × 0.4 / 0.8 = 1.25; × 0.75 / 0.5 = 1.875
    expect(premiumMultiplier(curve, wad(0.4))).toBe(wad(1.875));
    // u = 0.9: 1 + 0.5 + 4 × 0.1 / 0.2 = 3.5; × 1.5 = 5.25
    expect(premiumMultiplier(curve, wad(0.9))).toBe(wad(5.25));
  });

  it('shares premiums by capital × risk multiplier', () => {
    const shares = premiumShares([
      { totalAssets: 100n, riskMultiplier: wad(3) },
      { totalAssets: 300n, riskMultiplier: wad(1) },
    ]);
    expect(shares).toEqual([WAD / 2n, WAD / 2n]);
    expect(premiumShares([{ totalAssets: 0n, riskMultiplier: wad(3) }])).toEqual([0n]);
  });

  it('rounds mulDiv up only when asked and only when inexact', () => {
    expect(mulDiv(7n, 3n, 2n)).toBe(10n);
    expect(mulDiv(7n, 3n, 2n, 'ceil')).toBe(11n);
    expect(mulDiv(8n, 3n, 2n, 'ceil')).toBe(12n);
  });
});
