import { formatUnits } from 'viem';
import type { IndexedSample } from '@/lib/indexer/schema';
import { annualisedBps, APR_WINDOW_SECONDS, formatBps, type PricePoint } from './realisedApr';

/** One tranche at one indexed sample, exact. */
export interface TrancheHistoryPoint {
  timestamp: number;
  blockNumber: string;
  /** Asset units (raw) per whole share: the vault's convertToAssets(10^decimals). */
  sharePrice: bigint;
  /** Trailing realised APR at this sample (lib/tranches/realisedApr.ts), signed; null before 30 d of history. */
  aprBps: bigint | null;
  /** The tranche's capital: the vault's totalAssets, raw asset units. */
  capital: bigint;
}

/**
 * A tranche's share price, trailing 30-day realised APR and capital at every indexed sample, oldest first. Each APR
 * looks back from its own sample to the last sample at least 30 days before it, over the whole history, so a short
 * range still shows a full window's APR from its first point.
 */
export function trancheHistory(
  samples: readonly IndexedSample[],
  id: number,
  windowSeconds = APR_WINDOW_SECONDS,
): TrancheHistoryPoint[] {
  const points = samples.flatMap((s) => {
    const t = s.tranches.find((x) => x.id === id);
    return t
      ? [{ s, price: { timestamp: s.timestamp, sharePrice: BigInt(t.sharePrice) }, capital: BigInt(t.totalAssets) }]
      : [];
  });
  let start: PricePoint | null = null;
  let next = 0;
  return points.map(({ s, price, capital }) => {
    while (next < points.length && points[next]!.price.timestamp <= price.timestamp - windowSeconds) {
      start = points[next++]!.price;
    }
    return {
      timestamp: s.timestamp,
      blockNumber: s.blockNumber,
      sharePrice: price.sharePrice,
      aprBps: start ? annualisedBps(start, price) : null,
      capital,
    };
  });
}

/** The CSV of a tranche's history: exact decimals, units in the header, ISO UTC times. */
export function trancheHistoryTable(
  points: readonly TrancheHistoryPoint[],
  asset: { symbol: string; decimals: number },
) {
  const sym = asset.symbol;
  return {
    header: [
      'time (UTC)',
      'block',
      `share price (${sym}/share)`,
      'realised APR, trailing 30 d (%)',
      `capital (${sym})`,
    ],
    rows: points.map((p) => [
      new Date(p.timestamp * 1000).toISOString(),
      p.blockNumber,
      formatUnits(p.sharePrice, asset.decimals),
      p.aprBps === null ? '' : formatBps(p.aprBps).replace(' %', ''),
      formatUnits(p.capital, asset.decimals),
    ]),
  };
}
