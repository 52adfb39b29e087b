import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { catchUpOf } from '@/lib/indexer/progress';
import { summariseHistory, type TrancheHistorySummary } from '@/lib/tranches/historySummary';
import { freshDashboard } from '../chainSources';
import { readFrom } from '../describe';
import { progressSource, samplesSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

export interface TranchesData {
  dashboard: Dashboard | null;
  /** Each tranche's history summary, by tranche id. */
  histories: Record<number, TrancheHistorySummary>;
  /** Why the cards have no share-price history, in words; null while the indexer answers. */
  historyProblem: string | null;
}

/** /tranches: the current lens read (last known while the node is down) and the shared sample history for the cards. */
export async function loadTranches(
  config: PublicConfig,
  options: ReadOptions = {},
): Promise<{ data: TranchesData; sources: { chain: SourceStatus; indexer: SourceStatus } }> {
  const indexerUrl = indexerUrlOf(config);
  const [lens, samples, progress] = await Promise.all([
    readSource(freshDashboard(config), options),
    readSource(samplesSource(indexerUrl), options),
    readSource(progressSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const samplesFailure = failureOf(samples.status);
  const catchUp = samplesFailure
    ? null
    : catchUpOf(progress.value, lens.value?.blockNumber ?? null, config.deployBlock);
  const latest = samples.value?.at(-1);
  return {
    data: {
      dashboard: lens.value,
      histories: Object.fromEntries(
        (lens.value?.tranches ?? []).map((t) => [t.id, summariseHistory(samples.value ?? [], t.id)]),
      ),
      historyProblem: samplesFailure ? `the indexer is unavailable: ${samplesFailure.reason}` : null,
    },
    sources: {
      chain: describedStatus(
        lens.status,
        lens.value ? readFrom(lens.value.blockNumber, lens.status.readAt, now) : null,
      ),
      indexer: describedStatus(
        samples.status,
        latest ? readFrom(latest.blockNumber, samples.status.readAt, now) : null,
        catchUp && { catchUp, lacks: "Each card's share-price history stops at that block until it is done." },
      ),
    },
  };
}
