import { healthSettings } from '@/lib/chain/healthSettings';
import { cachePerKey, createTtlCache, type CachedRead } from '@/lib/chain/ttlCache';
import { fetchDailyPremiums, fetchLosses, fetchSamples } from './client';
import { incrementalHistory } from './incrementalHistory';
import { fetchIndexerProgress, type IndexerProgress } from './progress';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample } from './schema';

const ttl = () => healthSettings().refreshSeconds * 1000;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A refresh re-reads the last hour of chain time; every 5 minutes it reads the whole history (incrementalHistory.ts). */
const SAMPLES_OVERLAP_SECONDS = 3_600;
const SAMPLES_FULL_READ_EVERY_MS = 5 * 60_000;

/**
 * Whole histories, one request each per refresh interval; ranges are cut from them in memory, so every range a
 * visitor picks costs the indexer nothing extra. The samples, the largest, are read incrementally.
 */
export const readSamplesCached: (indexerUrl: string) => Promise<CachedRead<IndexedSample[]>> = cachePerKey(
  'indexer.samples',
  (url: string) => url,
  (url: string) =>
    createTtlCache(
      incrementalHistory((from) => fetchSamples(url, from), {
        overlapSeconds: SAMPLES_OVERLAP_SECONDS,
        fullReadEveryMs: SAMPLES_FULL_READ_EVERY_MS,
      }),
      ttl,
      describe,
    ),
);

export const readLossesCached: (indexerUrl: string) => Promise<CachedRead<IndexedLoss[]>> = cachePerKey(
  'indexer.losses',
  (url: string) => url,
  (url: string) => createTtlCache(() => fetchLosses(url), ttl, describe),
);

export const readPremiumsCached: (indexerUrl: string) => Promise<CachedRead<IndexedPremiumDay[]>> = cachePerKey(
  'indexer.premiums',
  (url: string) => url,
  (url: string) => createTtlCache(() => fetchDailyPremiums(url, 0), ttl, describe),
);

/**
 * While the indexer does not answer, its progress is asked for again after a second rather than a whole refresh
 * interval: the moment it starts answering it may be mid-backfill, and the pages (whose other indexer reads can be
 * fresher than this one) must say so from then on, not up to an interval later.
 */
const PROGRESS_RETRY_WHILE_FAILING_MS = 1_000;

/** Whether the indexer has finished its backfill, and its head block: one pair of small requests per refresh. */
export const readIndexerProgressCached: (indexerUrl: string) => Promise<CachedRead<IndexerProgress>> = cachePerKey(
  'indexer.progress',
  (url: string) => url,
  (url: string) =>
    createTtlCache(
      () => fetchIndexerProgress(url),
      (failing) => (failing ? Math.min(PROGRESS_RETRY_WHILE_FAILING_MS, ttl()) : ttl()),
      describe,
    ),
);
