import { readDashboardCached } from '@/lib/chain/cachedDashboard';
import { healthSettings } from '@/lib/chain/healthSettings';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { CachedRead } from '@/lib/chain/ttlCache';
import { readLossesCached, readPremiumsCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { buildSnapshot, type HealthSnapshot } from './snapshot';

export interface HealthData {
  refreshSeconds: number;
  chain: CachedRead<Dashboard>;
  snapshot: HealthSnapshot | null;
  samples: CachedRead<IndexedSample[]>;
  losses: CachedRead<IndexedLoss[]>;
  premiums: CachedRead<IndexedPremiumDay[]>;
}

/** Everything /health shows, each part from its cache; the four reads run side by side. */
export async function readHealth(config: PublicConfig): Promise<HealthData> {
  const settings = healthSettings();
  const [chain, samples, losses, premiums] = await Promise.all([
    readDashboardCached(config),
    readSamplesCached(settings.indexerUrl),
    readLossesCached(settings.indexerUrl),
    readPremiumsCached(settings.indexerUrl),
  ]);
  const snapshot = chain.value ? buildSnapshot(chain.value, samples.value?.at(-1) ?? null) : null;
  return { refreshSeconds: settings.refreshSeconds, chain, snapshot, samples, losses, premiums };
}

/** Headline only (for /api/health): no loss or premium history needed. */
export async function readHealthHeadline(config: PublicConfig) {
  const settings = healthSettings();
  const [chain, samples] = await Promise.all([readDashboardCached(config), readSamplesCached(settings.indexerUrl)]);
  const snapshot = chain.value ? buildSnapshot(chain.value, samples.value?.at(-1) ?? null) : null;
  return { refreshSeconds: settings.refreshSeconds, chain, snapshot };
}
