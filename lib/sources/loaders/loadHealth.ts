import { healthSettings } from '@/lib/chain/healthSettings';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { HealthData } from '@/lib/health/healthData';
import { buildSnapshot } from '@/lib/health/snapshot';
import { catchUpOf } from '@/lib/indexer/progress';
import { premiumJson } from '@/lib/premium/premiumJson';
import { memoTranchePremiumSummaries } from '@/lib/premium/premiumHistoryMemo';
import { sharedDashboard } from '../chainSources';
import { blockOld } from '../describe';
import { lossesSource, premiumsSource, progressSource, samplesSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

export interface HealthSources {
  chain: SourceStatus;
  /** The first failing of the samples, losses and premiums reads (one banner for the indexer), else the samples'. */
  indexer: SourceStatus;
}

/** Everything /health (and its data pages and APIs) shows, each part from its shared cache; the reads run side by side. */
export async function loadHealth(
  config: PublicConfig,
  options: ReadOptions = {},
): Promise<{ data: HealthData; sources: HealthSources }> {
  const { refreshSeconds } = healthSettings();
  const indexerUrl = indexerUrlOf(config);
  const [chain, samples, losses, premiums, progress] = await Promise.all([
    readSource(sharedDashboard(config), options),
    readSource(samplesSource(indexerUrl), options),
    readSource(lossesSource(indexerUrl), options),
    readSource(premiumsSource(indexerUrl), options),
    readSource(progressSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const latest = samples.value?.at(-1) ?? null;
  const snapshot = chain.value ? buildSnapshot(chain.value, latest) : null;
  const catchUp = catchUpOf(progress.value, snapshot?.blockNumber ?? null, config.deployBlock);
  const indexer = [samples, losses, premiums].map((r) => r.status).find((s) => failureOf(s)) ?? samples.status;
  return {
    data: { refreshSeconds, snapshot, samples: samples.value, losses: losses.value, premiums: premiums.value, catchUp },
    sources: {
      chain: describedStatus(
        chain.status,
        snapshot ? blockOld(snapshot.blockNumber, snapshot.blockTimestamp, now) : null,
      ),
      indexer: describedStatus(
        indexer,
        latest ? blockOld(latest.blockNumber, latest.timestamp, now) : null,
        catchUp && {
          catchUp,
          lacks: 'The charts, the loss table and the premiums below stop at that block until it is done.',
        },
      ),
    },
  };
}

/**
 * Headline only (for /api/health): no loss history needed, but whether the peaks' history is whole, and the premium
 * charged beside fair (which needs the daily premiums).
 */
export async function loadHealthHeadline(config: PublicConfig, options: ReadOptions = {}) {
  const { refreshSeconds } = healthSettings();
  const indexerUrl = indexerUrlOf(config);
  const [chain, samples, progress, premiums] = await Promise.all([
    readSource(sharedDashboard(config), options),
    readSource(samplesSource(indexerUrl), options),
    readSource(progressSource(indexerUrl), options),
    readSource(premiumsSource(indexerUrl), options),
  ]);
  const snapshot = chain.value ? buildSnapshot(chain.value, samples.value?.at(-1) ?? null) : null;
  const premium = chain.value
    ? premiumJson(chain.value, memoTranchePremiumSummaries(chain.value, samples.value, premiums.value))
    : null;
  return { data: { refreshSeconds, snapshot, history: progress.value, premium }, sources: { chain: chain.status } };
}
