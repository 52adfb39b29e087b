import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { rangeStart, type HealthRange } from './range';
import { daysInRange, inRange, premiumRow, sampleRow, type PremiumRow, type SampleRow } from './series';

/** What the charts fetch from /api/health/series: one row per indexed sample in range, and daily premiums. */
export interface SeriesPayload {
  range: HealthRange;
  /** First unix second of the range, as passed to the indexer's ?from=. */
  from: number;
  symbol: string;
  thresholdPct: number;
  warningPct: number;
  samples: SampleRow[];
  premiums: PremiumRow[];
}

export function seriesPayload(args: {
  range: HealthRange;
  now: number;
  decimals: number;
  symbol: string;
  thresholdWad: bigint;
  warningWad: bigint;
  samples: readonly IndexedSample[];
  premiums: readonly IndexedPremiumDay[];
}): SeriesPayload {
  const from = rangeStart(args.range, args.now);
  return {
    range: args.range,
    from,
    symbol: args.symbol,
    thresholdPct: Number(args.thresholdWad) / 1e16,
    warningPct: Number(args.warningWad) / 1e16,
    samples: inRange(args.samples, from).map((s) => sampleRow(s, args.decimals)),
    premiums: daysInRange(args.premiums, from).map((p) => premiumRow(p, args.decimals)),
  };
}
