import type { HealthData } from './healthData';
import { rangeStart, type HealthRange } from './range';
import { rangeNow } from './rangeNow';
import { daysInRange, inRange } from './series';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';

export interface HealthHistory {
  /** Unix seconds the range starts at (0: since deployment). */
  from: number;
  samples: IndexedSample[] | null;
  premiums: IndexedPremiumDay[] | null;
  asset: { symbol: string; decimals: number };
}

/** The history a range shows, cut at the chain's clock (rangeNow); null where the indexer has not answered yet. */
export function historyInRange(data: HealthData, range: HealthRange, wallMs: number): HealthHistory {
  const samples = data.samples;
  const from = rangeStart(
    range,
    rangeNow(data.snapshot?.blockTimestamp ?? null, samples?.at(-1)?.timestamp ?? null, wallMs),
  );
  return {
    from,
    samples: samples ? sliceOnce(samples, from, inRange) : null,
    premiums: data.premiums ? sliceOnce(data.premiums, from, daysInRange) : null,
    asset: data.snapshot?.asset ?? { symbol: 'asset units', decimals: 6 },
  };
}

// A cached read hands every request the same array until the next refresh: slice it once per range start, so each
// page view gets the same slice (which lets chartSummary remember its sentences) instead of filtering thousands.
const slices = new WeakMap<readonly unknown[], Map<number, unknown[]>>();
const MAX_SLICES_PER_READ = 16;

function sliceOnce<T>(items: readonly T[], from: number, cut: (items: readonly T[], from: number) => T[]): T[] {
  let byStart = slices.get(items);
  if (!byStart) slices.set(items, (byStart = new Map()));
  let slice = byStart.get(from) as T[] | undefined;
  if (!slice) {
    if (byStart.size >= MAX_SLICES_PER_READ) byStart.clear();
    byStart.set(from, (slice = cut(items, from)));
  }
  return slice;
}
