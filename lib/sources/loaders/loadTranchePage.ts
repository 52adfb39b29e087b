import type { Address } from 'viem';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { catchUpOf } from '@/lib/indexer/progress';
import { readAccountDashboard } from '../chainSources';
import { readFrom } from '../describe';
import { progressSource, samplesSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

/**
 * /tranches/:id. A returning wallet's position is read with the tranche, so the page is laid out for it before the
 * wallet reconnects. The samples read is shared with /health and /tranches: here it tells whether the indexer behind
 * the position history and the risk quote's price history is up. The chain's status goes to the live part of the
 * page, which keeps reporting it from the browser's own polls.
 */
export async function loadTranchePage(
  config: PublicConfig,
  account: Address | null,
  options: ReadOptions = {},
): Promise<{ data: { dashboard: Dashboard | null }; sources: { chain: SourceStatus; indexer: SourceStatus } }> {
  const indexerUrl = indexerUrlOf(config);
  const [lens, samples, progress] = await Promise.all([
    readAccountDashboard(config, account, options),
    readSource(samplesSource(indexerUrl), options),
    readSource(progressSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const latest = samples.value?.at(-1);
  const catchUp = failureOf(samples.status)
    ? null
    : catchUpOf(progress.value, lens.value?.blockNumber ?? null, config.deployBlock);
  return {
    data: { dashboard: lens.value },
    sources: {
      chain: lens.status,
      indexer: describedStatus(
        samples.status,
        latest ? readFrom(latest.blockNumber, samples.status.readAt, now) : null,
        catchUp && {
          catchUp,
          lacks:
            'Your deposit and withdrawal history, and the price history behind the risk quote, stop at that block until it is done.',
        },
      ),
    },
  };
}
