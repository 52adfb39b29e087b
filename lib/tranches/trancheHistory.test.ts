import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/health/csv';
import type { IndexedSample } from '@/lib/indexer/schema';
import { trancheHistory, trancheHistoryTable } from './trancheHistory';
import { trancheHistorySummaries } from './trancheHistorySummary';

const DAY = 86_400;

const sample = (day: number, sharePrice: bigint, totalAssets: bigint): IndexedSample => ({
  blockNumber: String(100 + day),
  timestamp: day * DAY,
  totalCapital: '0',
  requiredCapital: '0',
  solvencyRatio: '0',
  tranches: [
    { id: 0, totalAssets: '1', totalSupply: '1', sharePrice: '1', peakSharePrice: '1', drawdownBps: 0 },
    {
      id: 1,
      totalAssets: totalAssets.toString(),
      totalSupply: '0',
      sharePrice: sharePrice.toString(),
      peakSharePrice: sharePrice.toString(),
      drawdownBps: 0,
    },
  ],
  markets: [],
});

const SAMPLES = [
  sample(0, 1_000_000n, 5_000_000_000n),
  sample(10, 1_000_000n, 5_000_000_000n),
  sample(40, 1_010_000n, 6_000_000_000n),
  sample(45, 990_000n, 5_500_000_000n),
];

describe('trancheHistory', () => {
  const points = trancheHistory(SAMPLES, 1);

  it('gives each sample its trailing 30-day APR, from the last sample at least 30 days before it', () => {
    // Day 40 from day 10: +1 % over 30 d → 1 % × 365 / 30 = 12.1666 % → 1 216 bps (rounded toward zero).
    // Day 45 from day 10: −1 % over 35 d → −10.428 % → −1 042 bps (toward zero). Days 0 and 10: no window yet.
    expect(points.map((p) => p.aprBps)).toEqual([null, null, 1_216n, -1_042n]);
    expect(points.map((p) => p.capital)).toEqual([5_000_000_000n, 5_000_000_000n, 6_000_000_000n, 5_500_000_000n]);
  });

  it('writes the CSV in exact decimals with the units in the header', () => {
    const table = trancheHistoryTable(points.slice(2), { symbol: 'tUSD', decimals: 6 });
    expect(toCsv(table.header, table.rows)).toBe(
      'time (UTC),block,share price (tUSD/share),"realised APR, trailing 30 d (%)",capital (tUSD)\r\n' +
        '1970-02-10T00:00:00.000Z,140,1.01,12.16,6000\r\n' +
        '1970-02-15T00:00:00.000Z,145,0.99,-10.42,5500\r\n',
    );
  });

  it('skips samples without the tranche', () => {
    expect(trancheHistory(SAMPLES, 2)).toEqual([]);
  });
});

describe('trancheHistorySummaries', () => {
  it('states where the range starts and ends in exact figures, and the APR with its sign', () => {
    const s = trancheHistorySummaries(trancheHistory(SAMPLES, 1), { symbol: 'tUSD', decimals: 6 });
    expect(s.price).toMatch(
      /^Share price 0\.990000 tUSD per share at 1970-02-15 00:00 UTC \(block #145\), from 1\.000000 tUSD/,
    );
    expect(s.price).toMatch(/lowest 0\.990000 tUSD at 1970-02-15 00:00 UTC\. 4 samples from 1970-01-01 00:00 UTC/);
    expect(s.apr).toMatch(/^Realised APR over the 30 days to 1970-02-15 00:00 UTC: -10\.42 % a year/);
    expect(s.capital).toMatch(/^Capital 5,500\.00 tUSD at .*, from 5,000\.00 tUSD at the start of the range/);
    expect(trancheHistorySummaries([], { symbol: 'tUSD', decimals: 6 }).apr).toBe(
      'No indexed samples in this range yet.',
    );
  });
});
