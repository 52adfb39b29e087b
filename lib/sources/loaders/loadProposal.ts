import type { Address } from 'viem';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { ProposalWithVotes } from '@/lib/governance/readProposals';
import { catchUpOf } from '@/lib/indexer/progress';
import { readAccountDashboard } from '../chainSources';
import { readAgo } from '../describe';
import { proposalSource } from '../governanceSources';
import { progressSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

export interface ProposalData {
  /** The proposal and its votes; null while the indexer has not seen it (or never answered). */
  found: ProposalWithVotes | null;
  /** The lens (with a returning wallet's section), so the actions are in words from the first paint. */
  dashboard: Dashboard | null;
  /** Said instead of the proposal while there is none to show: why, or what the page waits for. */
  waiting: string | null;
}

/** /governance/:id: the proposal and its votes from the indexer (last known while it is down), and the lens. */
export async function loadProposal(
  config: PublicConfig,
  proposalId: string,
  account: Address | null,
  options: ReadOptions = {},
): Promise<{ data: ProposalData; sources: { proposal: SourceStatus; chain: SourceStatus } }> {
  const indexerUrl = indexerUrlOf(config);
  const [read, lens, progress] = await Promise.all([
    readSource(proposalSource(config, indexerUrl, proposalId), options),
    readAccountDashboard(config, account, options),
    readSource(progressSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const found = read.value;
  const failure = failureOf(read.status);
  const catchUp = failure ? null : catchUpOf(progress.value, lens.value?.blockNumber ?? null, config.deployBlock);
  const short = `Proposal ${proposalId.slice(0, 12)}…`;
  const waiting = found
    ? null
    : (failure?.reason ??
      (catchUp
        ? `${short} is not among the blocks indexed so far.`
        : `${short} is not indexed yet (a new proposal appears within seconds).`));
  return {
    data: { found, dashboard: lens.value, waiting },
    sources: {
      proposal: describedStatus(
        read.status,
        found && read.status.readAt !== null
          ? `the proposal and its ${found.votes.length} votes, ${readAgo(read.status.readAt, now)}`
          : null,
        catchUp && {
          catchUp,
          lacks: found
            ? 'The list of votes stops at that block until it is done; the state and the tally come from the chain and are current.'
            : 'The proposal appears here once the indexer reaches the block it was made in.',
        },
      ),
      chain: lens.status,
    },
  };
}
