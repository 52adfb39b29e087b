import { downsample, MAX_CHART_POINTS } from '@/lib/health/downsample';
import type { HealthRange } from '@/lib/health/range';
import type { TrancheHistoryPoint } from './trancheHistory';

/** A chart row: plain numbers for drawing (the CSV has the exact figures). */
export interface TrancheSeriesRow {
  t: number;
  block: string;
  /** Asset units per share. */
  price: number;
  /** Percent a year, trailing 30 d; null before 30 d of history. */
  aprPct: number | null;
  /** Asset units. */
  capital: number;
}

/** What the tranche page's public charts fetch from /api/tranches/:id/series. */
export interface TrancheSeriesPayload {
  range: HealthRange;
  from: number;
  symbol: string;
  /** At most MAX_CHART_POINTS rows, each stretch's lowest share price kept. */
  rows: TrancheSeriesRow[];
  /** Samples in range before thinning (the CSV has every one). */
  rowCount: number;
}

export function trancheSeriesPayload(args: {
  range: HealthRange;
  from: number;
  asset: { symbol: string; decimals: number };
  points: readonly TrancheHistoryPoint[];
}): TrancheSeriesPayload {
  const scale = 10 ** args.asset.decimals;
  const rows = args.points.map((p): TrancheSeriesRow => ({
    t: p.timestamp,
    block: p.blockNumber,
    price: Number(p.sharePrice) / scale,
    aprPct: p.aprBps === null ? null : Number(p.aprBps) / 100,
    capital: Number(p.capital) / scale,
  }));
  return {
    range: args.range,
    from: args.from,
    symbol: args.asset.symbol,
    rows: downsample(rows, MAX_CHART_POINTS, (row) => row.price),
    rowCount: rows.length,
  };
}
