import { describe, expect, it } from 'vitest';
import { analyticQuote } from './analytic';
import { riskInputsFromChain, toFloat } from './fromChain';
import { isRiskRequest } from './protocol';

const usd = (n: number) => BigInt(Math.round(n * 1e6));
const wad = (n: string) => BigInt(n) * 10n ** 15n; // n in thousandths

describe('chain adapter', () => {
  it('converts fixed-point bigints to floats by hand', () => {
    expect(toFloat(1_500_000n, 6)).toBe(1.5);
    expect(toFloat(50_000_000_000_000_000n, 18)).toBe(0.05);
    expect(toFloat(-2_000_001n, 6)).toBe(-2.000001);
    expect(toFloat(123n, 0)).toBe(123);
    expect(toFloat(10n ** 40n, 18)).toBe(1e22);
  });

  it('builds model inputs from lens-shaped views and oracle histories', () => {
    const hour = 3600;
    const history = (start: number, wiggle: number) =>
      Array.from({ length: 200 }, (_, i) => ({
        timestamp: 1_700_000_000 + i * hour,
        price: BigInt(Math.round(start * (1 + wiggle * Math.sin(i)) * 1e8)),
      }));
    const { inputs, dynamics } = riskInputsFromChain({
      assetDecimals: 6,
      markets: [
        {
          name: 'ETH',
          longNotional: usd(3e6),
          shortNotional: usd(2e6),
          maintenanceMarginRate: wad('50'),
          liquidationImpact: wad('100'),
          liquidityDepth: usd(5e6),
        },
        {
          name: 'BTC',
          longNotional: usd(4e6),
          shortNotional: usd(3e6),
          maintenanceMarginRate: wad('50'),
          liquidationImpact: wad('80'),
          liquidityDepth: usd(1e7),
        },
      ],
      tranches: [
        { id: 1, name: 'Mezzanine', totalAssets: usd(60_000) },
        { id: 0, name: 'Junior', totalAssets: usd(30_000) },
      ],
      priceHistories: [
        { decimals: 8, points: history(3000, 0.01) },
        { decimals: 8, points: history(60000, 0.008) },
      ],
    });
    expect(dynamics.estimated).toBe(true);
    expect(inputs.markets[0]).toMatchObject({
      name: 'ETH',
      longNotional: 3e6,
      maintenanceMarginRate: 0.05,
      liquidationImpact: 0.1,
      liquidityDepth: 5e6,
    });
    expect(inputs.markets[0]?.volatility).toBeGreaterThan(0);
    expect(inputs.tranches.map((t) => t.name)).toEqual(['Junior', 'Mezzanine']);
    expect(inputs.correlation[0]?.[1]).toBeCloseTo(1, 6); // the two synthetic paths move in lockstep
    expect(analyticQuote(inputs).tranches).toHaveLength(2);
  });

  it('recognises worker requests', () => {
    expect(isRiskRequest({ type: 'simulate', id: 1, inputs: {}, stress: {}, scenarios: 10, seed: 1 })).toBe(true);
    expect(isRiskRequest({ type: 'other' })).toBe(false);
  });
});
