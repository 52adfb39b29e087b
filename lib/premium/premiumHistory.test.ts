import { describe, expect, it } from 'vitest';
import { premiumHistory, type SampleForHistory } from './premiumHistory';

const WAD = 10n ** 18n;
const HOUR = 3_600;
const DAY = 86_400;
const T0 = 1_790_000_000;
const usd = (n: number) => (BigInt(Math.round(n)) * 10n ** 6n).toString();

// 60 days of hourly samples: the multiplier doubles on day 45, capital is steady, prices wiggle.
const samples: SampleForHistory[] = Array.from({ length: 60 * 24 }, (_, i) => ({
  blockNumber: String(i + 1),
  timestamp: T0 + i * HOUR,
  tranches: [
    { id: 0, totalAssets: usd(100_000) },
    { id: 1, totalAssets: usd(400_000) },
  ],
  markets: [
    {
      id: 0,
      name: 'ETH',
      price: String(3_000n * 10n ** 8n + BigInt(Math.round(Math.sin(i / 7) * 40e8))),
      priceDecimals: 8,
      longNotional: usd(800_000),
      shortNotional: usd(200_000),
    },
  ],
  premium: { multiplier: String(i < 45 * 24 ? WAD : 2n * WAD) },
}));
const premiumDays = Array.from({ length: 60 }, (_, d) => ({
  timestamp: T0 + d * DAY,
  byTranche: [usd(100), usd(40), usd(0)],
}));
const now = {
  module: { assetDecimals: 6, assetSymbol: 'tUSD' },
  markets: [
    {
      id: 0n,
      name: 'ETH',
      price: 3_000n * 10n ** 8n,
      priceDecimals: 8,
      priceUpdatedAt: 0n,
      longNotional: 0n,
      shortNotional: 0n,
      maintenanceMarginRate: WAD / 20n,
      liquidationImpact: WAD / 10n,
      liquidityDepth: 5_000_000n * 10n ** 6n,
    },
  ],
  tranches: [
    { id: 0, name: 'Junior' },
    { id: 1, name: 'Mezzanine' },
  ],
};

describe('premiumHistory', () => {
  const started = performance.now();
  const points = premiumHistory(samples, premiumDays, now);
  const ms = performance.now() - started;

  it('gives one point a day once a month of history lies behind it, and the last sample', () => {
    expect(points[0]!.t).toBe(T0 + 30 * DAY);
    expect(points.at(-1)!.t).toBe(samples.at(-1)!.timestamp);
    expect(points.length).toBeGreaterThanOrEqual(30);
    for (let i = 1; i < points.length; i++) expect(points[i]!.t).toBeGreaterThan(points[i - 1]!.t);
    console.log(`premiumHistory: ${points.length} points from ${samples.length} samples in ${ms.toFixed(0)} ms`);
  });

  it('charges 30 days of premiums on the capital then, repriced when the multiplier moves', () => {
    const before = points.find((p) => p.t < T0 + 45 * DAY)!;
    // 30 daily payments of 100 on 100,000, annualised; the multiplier has not moved in the window.
    expect(before.charged[0]).toBeCloseTo((3_000 / 100_000) * (365 / 30), 6);
    expect(before.charged[1]).toBeCloseTo((1_200 / 400_000) * (365 / 30), 6);
    // Five days after the doubling: ×2 now over an average of ×(25 + 2·5)/30.
    const after = points.find((p) => p.t >= T0 + 50 * DAY)!;
    const average = (25 + 2 * ((after.t - (T0 + 45 * DAY)) / DAY)) / 30;
    expect(after.charged[0]! / before.charged[0]!).toBeCloseTo(2 / average, 1);
  });

  it('leaves out a tranche all but emptied, where an APR means nothing', () => {
    const wiped = samples.map((x, i) =>
      i >= 40 * 24 && i < 42 * 24 ? { ...x, tranches: [{ id: 0, totalAssets: usd(500) }, x.tranches[1]!] } : x,
    );
    const thin = premiumHistory(wiped, premiumDays, now).filter((p) => p.t >= T0 + 40 * DAY && p.t < T0 + 42 * DAY);
    expect(thin.length).toBeGreaterThan(0);
    for (const p of thin) {
      expect(p.charged[0]).toBeNull();
      expect(p.fair[0]).toBeNull();
      expect(p.charged[1]).not.toBeNull();
    }
  });

  it('prices each day with the model: Junior, first to pay, costs more per unit of capital', () => {
    for (const p of points) {
      expect(p.fair[0]).not.toBeNull();
      expect(p.fair[0]!).toBeGreaterThanOrEqual(p.fair[1]!);
    }
  });
});
