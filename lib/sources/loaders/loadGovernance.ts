import type { Address } from 'viem';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { ProposalsRead } from '@/lib/governance/readProposals';
import { catchUpOf } from '@/lib/indexer/progress';
import { readAccountSection } from '../chainSources';
import { readFrom } from '../describe';
import { proposalsSource } from '../governanceSources';
import { progressSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

export interface GovernanceData {
  proposals: ProposalsRead | null;
  /** A returning wallet's dashboard, for its voting power from the first paint. */
  accountDashboard: Dashboard | null;
  /** Whether the indexer has read the whole history (a proposal's absence means something only then). */
  historyComplete: boolean;
}

/** /governance: the proposal list (last known while the indexer or the node is down) and the visitor's voting power. */
export async function loadGovernance(
  config: PublicConfig,
  account: Address | null,
  options: ReadOptions = {},
): Promise<{ data: GovernanceData; sources: { proposals: SourceStatus } }> {
  const indexerUrl = indexerUrlOf(config);
  const [proposals, accountDashboard, progress] = await Promise.all([
    readSource(proposalsSource(config, indexerUrl), options),
    readAccountSection(config, account),
    readSource(progressSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const read = proposals.value;
  const catchUp = failureOf(proposals.status)
    ? null
    : catchUpOf(progress.value, read?.blockNumber ?? null, config.deployBlock);
  return {
    data: { proposals: read, accountDashboard, historyComplete: progress.value?.ready === true },
    sources: {
      proposals: describedStatus(
        proposals.status,
        read ? `${read.rows.length} proposals, ${readFrom(read.blockNumber, proposals.status.readAt, now)}` : null,
        catchUp && { catchUp, lacks: 'Proposals and their votes appear as it reaches the blocks they were made in.' },
      ),
    },
  };
}
