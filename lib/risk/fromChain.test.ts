import { describe, expect, it } from 'vitest';
import { analyticQuote } from './analytic';
import { moveModelOf, riskInputsFromChain, toFloat } from './fromChain';
import { hourlyEquivalentCloses } from './marketMove/flatHours';
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

describe('the market-move model from an oracle history', () => {
  it('folds hours without an update into the next change, at the same variance per hour', () => {
    // 100 → (flat 3 h) → 121: one change of ln 1.21 over 4 hours reads as ln 1.21 / 2 = ln 1.1 in one hour.
    const closes = hourlyEquivalentCloses([100, 100, 100, 100, 121, 110]);
    expect(closes).toHaveLength(3);
    expect(closes[1]!).toBeCloseTo(110, 9);
    expect(closes[2]! / closes[1]!).toBeCloseTo(110 / 121, 12);
  });

  it('reads a daily-stepping oracle like an hourly one with the same daily variance', () => {
    const start = 1_700_000_000 - (1_700_000_000 % 3600);
    const daily = Array.from({ length: 60 }, (_, d) => 2000 * Math.exp(0.04 * Math.sin(d * 1.7)));
    const history = daily.flatMap((price, d) =>
      Array.from({ length: 24 }, (_, h) => ({ timestamp: start + (d * 24 + h) * 3600, price })),
    );
    const state = moveModelOf(history, 'ETH / USD');
    expect(state?.asset).toBe('ETH');
    expect(state?.returns).toBe(59);
    // Daily returns of about 4–7 % are hourly-equivalent returns of about 1 %: no component reads a 24-fold variance.
    for (const variance of state!.variances) expect(Math.sqrt(variance)).toBeLessThan(0.03);
  });

  it('leaves a market with too few changes to the Student-t fallback', () => {
    const history = [0, 1, 2].map((h) => ({ timestamp: h * 3600, price: 100 + h }));
    expect(moveModelOf(history, 'ETH')).toBeUndefined();
  });
});
