import { describe, expect, it } from 'vitest';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { cachedChartSummary, chartSummary } from './chartSummary';

const ASSET = { symbol: 'tUSD', decimals: 6 };
const DAY = 86_400;
const T0 = 20_000 * DAY; // 2024-10-04

function sample(
  day: number,
  ratioPct: number | null,
  capital: [bigint, bigint, bigint],
  drawdownBps: [number, number, number],
): IndexedSample {
  const total = capital.reduce((a, b) => a + b, 0n);
  return {
    blockNumber: String(100 + day),
    timestamp: T0 + day * DAY,
    totalCapital: String(total),
    requiredCapital: '1',
    solvencyRatio: ratioPct === null ? '0' : String(BigInt(ratioPct) * 10n ** 16n),
    tranches: capital.map((assets, id) => ({
      id,
      totalAssets: String(assets),
      totalSupply: String(assets),
      sharePrice: String(1_000_000 - drawdownBps[id]! * 100),
      peakSharePrice: '1000000',
      drawdownBps: -drawdownBps[id]!, // the indexer reports drawdowns as ≤ 0
    })),
    markets: [],
  };
}

const M = 1_000_000n * 1_000_000n; // one million tUSD in raw units
const SAMPLES = [
  sample(0, 180, [M, 2n * M, 3n * M], [0, 0, 0]),
  sample(1, 95, [M / 2n, 2n * M, 3n * M], [3_420, 120, 0]),
  sample(2, 150, [M, 2n * M, 3n * M], [310, 0, 0]),
];
const PREMIUMS: IndexedPremiumDay[] = [
  { timestamp: T0, amount: '3000000', byTranche: ['1500000', '1000000', '500000'] },
  { timestamp: T0 + DAY, amount: '9000000', byTranche: ['4500000', '3000000', '1500000'] },
];

describe('chartSummary', () => {
  it('gives the solvency ratio now and its lowest point with the day', () => {
    expect(chartSummary('solvency', SAMPLES, PREMIUMS, ASSET)).toBe('Now 150.00 %; lowest 95.00 % on 2024-10-05.');
  });

  it('skips samples where nothing was required', () => {
    const withGap = [...SAMPLES, sample(3, null, [M, M, M], [0, 0, 0])];
    expect(chartSummary('solvency', withGap, PREMIUMS, ASSET)).toBe(
      'Nothing is required now; lowest 95.00 % on 2024-10-05.',
    );
    expect(chartSummary('solvency', [sample(0, null, [M, M, M], [0, 0, 0])], [], ASSET)).toMatch(/no ratio/);
  });

  it('names the deepest drawdown, its tranche and day, and where each tranche stands now', () => {
    expect(chartSummary('drawdown', SAMPLES, PREMIUMS, ASSET)).toBe(
      'Deepest: Junior 34.20 % below its peak on 2024-10-05. Now below peak: Junior 3.10 %, Mezzanine 0.00 %, Senior 0.00 %.',
    );
    expect(chartSummary('drawdown', [SAMPLES[0]!], [], ASSET)).toBe('No tranche fell below its peak in this range.');
  });

  it('gives capital now by tranche and the lowest total, compact with the unit', () => {
    expect(chartSummary('capital', SAMPLES, PREMIUMS, ASSET)).toBe(
      'Now 6.00M tUSD (Junior 1.00M tUSD, Mezzanine 2.00M tUSD, Senior 3.00M tUSD); lowest 5.50M tUSD on 2024-10-05.',
    );
  });

  it('does not count the empty backstop before the first deposit as its lowest capital', () => {
    const fromZero = [sample(0, null, [0n, 0n, 0n], [0, 0, 0]), ...SAMPLES];
    expect(chartSummary('capital', fromZero, PREMIUMS, ASSET)).toMatch(/lowest 5\.50M tUSD on 2024-10-05\.$/);
    expect(chartSummary('capital', [sample(0, null, [0n, 0n, 0n], [0, 0, 0])], [], ASSET)).toBe(
      'Now 0.00 tUSD (Junior 0.00 tUSD, Mezzanine 0.00 tUSD, Senior 0.00 tUSD).',
    );
  });

  it('gives share prices now to four places', () => {
    expect(chartSummary('share-price', SAMPLES, PREMIUMS, ASSET)).toBe(
      'Now, per share: Junior 0.9690, Mezzanine 1.0000, Senior 1.0000 tUSD.',
    );
  });

  it('sums premiums exactly, by tranche, and names the largest day', () => {
    expect(chartSummary('premiums', SAMPLES, PREMIUMS, ASSET)).toBe(
      '12.00 tUSD over 2 days (Junior 6.00 tUSD, Mezzanine 4.00 tUSD, Senior 2.00 tUSD); largest day 2024-10-05: 9.00 tUSD.',
    );
    expect(chartSummary('premiums', SAMPLES, [], ASSET)).toBe('No premiums were paid in this range.');
  });

  it('says so when the range has no samples', () => {
    expect(chartSummary('capital', [], [], ASSET)).toBe('No samples in this range yet.');
  });
});

describe('cachedChartSummary', () => {
  it('computes once per pair of arrays and again for new data', () => {
    const samples = [...SAMPLES];
    expect(cachedChartSummary('solvency', samples, PREMIUMS, ASSET)).toBe(
      chartSummary('solvency', samples, PREMIUMS, ASSET),
    );
    samples.push(sample(3, 40, [M, M, M], [0, 0, 0])); // mutated in place: the remembered sentence stays
    expect(cachedChartSummary('solvency', samples, PREMIUMS, ASSET)).toBe(
      'Now 150.00 %; lowest 95.00 % on 2024-10-05.',
    );
    expect(cachedChartSummary('solvency', [...samples], PREMIUMS, ASSET)).toBe(
      'Now 40.00 %; lowest 40.00 % on 2024-10-07.',
    );
  });
});
