import { describe, expect, it } from 'vitest';
import type { IndexedSample } from '@/lib/indexer/schema';
import { incomeApr } from './incomeApr';

const DAY = 86_400;

function sample(timestamp: number, capital: bigint, premium?: bigint, yieldReceived?: bigint): IndexedSample {
  return {
    blockNumber: String(timestamp),
    timestamp,
    totalCapital: capital.toString(),
    requiredCapital: '0',
    solvencyRatio: '0',
    tranches: [
      {
        id: 1,
        totalAssets: capital.toString(),
        totalSupply: '1',
        sharePrice: '1',
        peakSharePrice: '1',
        drawdownBps: 0,
        ...(premium === undefined ? {} : { premiumReceived: premium.toString() }),
        ...(yieldReceived === undefined ? {} : { yieldReceived: yieldReceived.toString() }),
      },
    ],
    markets: [],
  };
}

describe('incomeApr', () => {
  it('annualises premium and yield apart over the trailing 30 days, on the mean capital', () => {
    const samples = [
      sample(0, 1_000_000n, 0n, 0n),
      sample(5 * DAY, 1_000_000n, 500n, 100n), // the window starts here: the last sample at least 30 d before the end
      sample(20 * DAY, 1_200_000n, 3_000n, 1_000n),
      sample(35 * DAY, 1_400_000n, 5_500n, 3_100n),
    ];
    // Mean capital 1.2M over 30 d: 5,000 of premium → 5,000 × 365/30 / 1.2M = 5.06 %; 3,000 of yield → 3.04 %.
    expect(incomeApr(samples, 1)).toEqual({ ok: true, premiumBps: 506n, yieldBps: 304n, from: 5 * DAY, to: 35 * DAY });
  });

  it('says n/a before 30 days of history, and without the counters', () => {
    expect(incomeApr([sample(0, 1n, 0n, 0n), sample(12 * DAY, 1n, 1n, 1n)], 1)).toEqual({
      ok: false,
      reason: 'only 12 d of history (needs 30 d)',
    });
    expect(incomeApr([sample(0, 1n), sample(40 * DAY, 1n)], 1)).toEqual({
      ok: false,
      reason: 'no indexed premium or yield history',
    });
    expect(incomeApr([sample(0, 1n, 0n, 0n)], 2)).toMatchObject({ ok: false });
  });

  it('refuses totals that went down (hostile or corrupt input) and a window without capital', () => {
    expect(incomeApr([sample(0, 1_000n, 10n, 10n), sample(31 * DAY, 1_000n, 9n, 20n)], 1)).toEqual({
      ok: false,
      reason: 'the indexed premium or yield totals went down',
    });
    expect(incomeApr([sample(0, 0n, 0n, 0n), sample(31 * DAY, 0n, 9n, 20n)], 1)).toEqual({
      ok: false,
      reason: 'the tranche had no capital over the window',
    });
  });

  it('shows a tranche without a strategy at 0 % yield', () => {
    const apr = incomeApr([sample(0, 1_000_000n, 0n, 0n), sample(30 * DAY, 1_000_000n, 1_000n, 0n)], 1);
    expect(apr).toMatchObject({ ok: true, yieldBps: 0n, premiumBps: 121n });
  });
});
