import { healthSettings } from '@/lib/chain/healthSettings';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { sharedDashboard } from '@/lib/sources/chainSources';
import { indexedProposalsSource, lossesSource, samplesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { failureOf } from '@/lib/sources/status';
import { protocolEvents, type FeedEntry } from './protocolEvents';

/** The feed's entries from the shared caches (one indexer read each per refresh), or why they cannot be built. */
export async function loadFeed(config: PublicConfig): Promise<{ entries: FeedEntry[] } | { problem: string }> {
  const { indexerUrl } = healthSettings();
  const [lens, losses, samples, proposals] = await Promise.all([
    readSource(sharedDashboard(config)),
    readSource(lossesSource(indexerUrl)),
    readSource(samplesSource(indexerUrl)),
    readSource(indexedProposalsSource(indexerUrl)),
  ]);
  if (!lens.value) return { problem: failureOf(lens.status)?.reason ?? 'the chain has not been read yet' };
  if (!losses.value || !samples.value || !proposals.value) {
    const failed = [losses, samples, proposals].map((r) => failureOf(r.status)).find((f) => f);
    return { problem: failed?.reason ?? 'the indexer has not answered yet' };
  }
  return {
    entries: protocolEvents({
      now: Number(lens.value.timestamp),
      asset: { decimals: lens.value.module.assetDecimals, symbol: lens.value.module.assetSymbol },
      solvencyThreshold: lens.value.module.solvencyThreshold,
      losses: losses.value,
      samples: samples.value,
      proposals: proposals.value,
    }),
  };
}
