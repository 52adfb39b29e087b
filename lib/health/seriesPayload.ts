import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { downsample, MAX_CHART_POINTS } from './downsample';
import { rangeStart, type HealthRange } from './range';
import {
  daysInRange,
  inRange,
  premiumRow,
  sampleProtocols,
  sampleRow,
  type PremiumRow,
  type SampleRow,
  type SeriesProtocol,
} from './series';

/** What the charts fetch from /api/health/series: one row per indexed sample in range, and daily premiums. */
export interface SeriesPayload {
  range: HealthRange;
  /** First unix second of the range, as passed to the indexer's ?from=. */
  from: number;
  symbol: string;
  thresholdPct: number;
  warningPct: number;
  /** At most MAX_CHART_POINTS rows: every sample in range, thinned with each stretch's worst solvency kept. */
  samples: SampleRow[];
  /** Indexed samples in range before thinning (the CSV has every one). */
  sampleCount: number;
  premiums: PremiumRow[];
  /** The covered protocols the samples in range list, in id order: the exposure chart's series. */
  protocols: SeriesProtocol[];
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
  const samples = inRange(args.samples, from);
  const rows = samples.map((s) => sampleRow(s, args.decimals));
  return {
    range: args.range,
    from,
    symbol: args.symbol,
    thresholdPct: Number(args.thresholdWad) / 1e16,
    warningPct: Number(args.warningWad) / 1e16,
    samples: downsample(rows, MAX_CHART_POINTS, (row) => row.solvencyPct ?? Number.POSITIVE_INFINITY),
    sampleCount: rows.length,
    premiums: daysInRange(args.premiums, from).map((p) => premiumRow(p, args.decimals)),
    protocols: sampleProtocols(samples),
  };
}
