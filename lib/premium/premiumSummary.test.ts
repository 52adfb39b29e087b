import { describe, expect, it } from 'vitest';
import { chargedAprs } from './chargedApr';
import { fairAprs } from './fairAprs';
import { premiumJson } from './premiumJson';
import { curveNow, tranchePremiumSummaries, type LensForPremium } from './premiumSummary';

const WAD = 10n ** 18n;
const usd = (n: number) => BigInt(n) * 10n ** 6n;
const NOW = 1_800_000_000;
const HOUR = 3_600;

function lens(): LensForPremium {
  const market = (id: number, name: string, price: bigint, notional: number) => ({
    id: BigInt(id),
    name,
    price,
    priceDecimals: 8,
    priceUpdatedAt: BigInt(NOW),
    longNotional: usd(notional),
    shortNotional: usd(notional / 2),
    maintenanceMarginRate: WAD / 20n,
    liquidationImpact: WAD / 10n,
    liquidityDepth: usd(5_000_000),
    feeRate: WAD / 2_000n,
    premiumRate: (WAD / 2_000n) * 2n,
  });
  return {
    blockNumber: 100n,
    timestamp: BigInt(NOW),
    module: { assetDecimals: 6, assetSymbol: 'tUSD' },
    markets: [market(0, 'ETH', 3_000n * 10n ** 8n, 2_000_000), market(1, 'BTC', 60_000n * 10n ** 8n, 1_000_000)],
    tranches: [
      { id: 0, name: 'Junior', totalAssets: usd(500_000) },
      { id: 1, name: 'Mezzanine', totalAssets: usd(1_000_000) },
      { id: 2, name: 'Senior', totalAssets: usd(2_000_000) },
    ],
    premium: {
      utilisation: WAD / 2n,
      utilisationAt: BigInt(NOW - HOUR),
      multiplier: 2n * WAD,
      liveUtilisation: (WAD * 55n) / 100n,
      volatility: (WAD * 6n) / 10n,
      referenceVolatility: (WAD * 6n) / 10n,
      steward: '0x00000000000000000000000000000000000000aa',
    },
  };
}

// A month of hourly samples with a gently moving price, each with the multiplier then in force (×1 then ×2).
const samples = Array.from({ length: 30 * 24 }, (_, i) => {
  const timestamp = NOW - (30 * 24 - i) * HOUR;
  const wiggle = BigInt(Math.round(Math.sin(i / 5) * 30 * 1e8));
  return {
    timestamp,
    markets: [
      { id: 0, price: (3_000n * 10n ** 8n + wiggle).toString(), priceDecimals: 8 },
      { id: 1, price: (60_000n * 10n ** 8n + wiggle * 20n).toString(), priceDecimals: 8 },
    ],
    premium: { multiplier: (i < 15 * 24 ? WAD : 2n * WAD).toString() },
  };
});
const days = Array.from({ length: 30 }, (_, d) => ({
  timestamp: NOW - (29 - d) * 86_400,
  byTranche: [usd(1_000).toString(), usd(300).toString(), usd(100).toString()],
}));

describe('tranchePremiumSummaries', () => {
  it('puts the chain charged APR beside the model fair APR, with the gap between them', () => {
    const summaries = tranchePremiumSummaries(lens(), samples, days);
    const charged = chargedAprs({
      flows: days.map((d) => ({ timestamp: d.timestamp, byTranche: d.byTranche.map(BigInt) })),
      capital: lens().tranches.map((t) => t.totalAssets),
      multipliers: samples.map((s) => ({ timestamp: s.timestamp, multiplier: BigInt(s.premium.multiplier) })),
      multiplierNow: 2n * WAD,
      now: NOW,
      windowSeconds: 30 * 86_400,
    });
    const fair = fairAprs(lens(), samples);
    expect(summaries.map((s) => s.chargedNow)).toEqual(charged.map((c) => c.now));
    expect(summaries.map((s) => s.fair)).toEqual(fair);
    for (const s of summaries) expect(s.gap).toBeCloseTo(s.chargedNow! - s.fair!, 12);
    // The window averaged ×1.5 and ×2 is in force now: charged now is 4/3 of what was paid.
    expect(summaries[0]!.chargedNow! / summaries[0]!.chargedTrailing!).toBeCloseTo(4 / 3, 2);
    // Junior, first to pay, is the riskiest per unit of capital.
    expect(fair[0]!).toBeGreaterThan(fair[2]!);
  });

  it('says nothing charged without the indexed premiums, and keeps the fair APR', () => {
    const summaries = tranchePremiumSummaries(lens(), samples, null);
    expect(summaries.every((s) => s.chargedNow === null && s.gap === null && s.fair !== null)).toBe(true);
  });
});

describe('curveNow and premiumJson', () => {
  it('reads the curve in force from the lens, exactly in the API', () => {
    const curve = curveNow(lens());
    expect(curve).toMatchObject({ utilisation: 0.5, multiplier: 2, volatility: 0.6, hasSteward: true });
    expect(curve.markets[0]).toEqual({ name: 'ETH', baseRate: 0.0005, rate: 0.001 });
    const json = premiumJson(lens(), tranchePremiumSummaries(lens(), samples, days));
    expect(json.utilisation.amount).toBe('0.5');
    expect(json.markets[1]!.rate.raw).toBe('1000000000000000');
    expect(json.utilisationMeasuredAt).toBe(NOW - HOUR);
    expect(json.tranches).toHaveLength(3);
  });
});
