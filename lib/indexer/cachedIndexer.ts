import { healthSettings } from '@/lib/chain/healthSettings';
import { cachePerKey, createTtlCache, type CachedRead } from '@/lib/chain/ttlCache';
import { fetchDailyPremiums, fetchLosses, fetchSamples } from './client';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample } from './schema';

const ttl = () => healthSettings().refreshSeconds * 1000;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Whole histories, one request each per refresh interval; ranges are cut from them in memory, so every range a
 * visitor picks costs the indexer nothing extra.
 */
export const readSamplesCached: (indexerUrl: string) => Promise<CachedRead<IndexedSample[]>> = cachePerKey(
  'indexer.samples',
  (url: string) => url,
  (url: string) => createTtlCache(() => fetchSamples(url, 0), ttl, describe),
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
