import { readDashboardCached } from '@/lib/chain/cachedDashboard';
import { healthSettings } from '@/lib/chain/healthSettings';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { CachedRead } from '@/lib/chain/ttlCache';
import { readIndexerProgressCached, readLossesCached, readPremiumsCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf, type CatchUp } from '@/lib/indexer/progress';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { rangeStart, type HealthRange } from './range';
import { rangeNow } from './rangeNow';
import { daysInRange, inRange } from './series';
import { buildSnapshot, type HealthSnapshot } from './snapshot';

export interface HealthData {
  refreshSeconds: number;
  chain: CachedRead<Dashboard>;
  snapshot: HealthSnapshot | null;
  samples: CachedRead<IndexedSample[]>;
  losses: CachedRead<IndexedLoss[]>;
  premiums: CachedRead<IndexedPremiumDay[]>;
  /** Set while the indexer is still reading the chain's history: the charts and losses are incomplete. */
  catchUp: CatchUp | null;
}

/** Everything /health shows, each part from its cache; the five reads run side by side. */
export async function readHealth(config: PublicConfig): Promise<HealthData> {
  const settings = healthSettings();
  const [chain, samples, losses, premiums, progress] = await Promise.all([
    readDashboardCached(config),
    readSamplesCached(settings.indexerUrl),
    readLossesCached(settings.indexerUrl),
    readPremiumsCached(settings.indexerUrl),
    readIndexerProgressCached(settings.indexerUrl),
  ]);
  const snapshot = chain.value ? buildSnapshot(chain.value, samples.value?.at(-1) ?? null) : null;
  const catchUp = catchUpOf(progress.value, snapshot?.blockNumber ?? null, config.deployBlock);
  return { refreshSeconds: settings.refreshSeconds, chain, snapshot, samples, losses, premiums, catchUp };
}

/** Headline only (for /api/health): no loss or premium history needed, but whether the peaks' history is whole. */
export async function readHealthHeadline(config: PublicConfig) {
  const settings = healthSettings();
  const [chain, samples, progress] = await Promise.all([
    readDashboardCached(config),
    readSamplesCached(settings.indexerUrl),
    readIndexerProgressCached(settings.indexerUrl),
  ]);
  const snapshot = chain.value ? buildSnapshot(chain.value, samples.value?.at(-1) ?? null) : null;
  return { refreshSeconds: settings.refreshSeconds, chain, snapshot, history: progress.value };
}

export interface HealthHistory {
  /** Unix seconds the range starts at (0: since deployment). */
  from: number;
  samples: IndexedSample[] | null;
  premiums: IndexedPremiumDay[] | null;
  asset: { symbol: string; decimals: number };
}

/** The history a range shows, cut at the chain's clock (rangeNow); null where the indexer has not answered yet. */
export function historyInRange(data: HealthData, range: HealthRange, wallMs: number): HealthHistory {
  const samples = data.samples.value;
  const from = rangeStart(range, rangeNow(data.snapshot?.blockTimestamp ?? null, samples?.at(-1)?.timestamp ?? null, wallMs));
  return {
    from,
    samples: samples ? sliceOnce(samples, from, inRange) : null,
    premiums: data.premiums.value ? sliceOnce(data.premiums.value, from, daysInRange) : null,
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
