import { describeReadError } from '@/lib/chain/describeReadError';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import {
  readProposals,
  readProposalWithVotes,
  type ProposalsRead,
  type ProposalWithVotes,
} from '@/lib/governance/readProposals';
import { IndexerError } from '@/lib/indexer/errors';
import { CHAIN_SOURCE, INDEXER_SOURCE } from './names';
import { errorMessage, type Source } from './source';

/** The indexer's proposals with their live states: a fresh read per request, the last list while either side is down. */
export function proposalsSource(config: PublicConfig, indexerUrl: string): Source<ProposalsRead> {
  return {
    name: INDEXER_SOURCE,
    key: `governance.proposals|${config.chainId}|${config.contracts.governor}|${indexerUrl}`,
    read: () => readProposals(config, indexerUrl),
    policy: { kind: 'fresh' },
    describe: (error) =>
      error instanceof IndexerError
        ? { source: INDEXER_SOURCE, reason: error.message }
        : { source: CHAIN_SOURCE, reason: describeReadError(error, config.contracts.governor) },
  };
}

/**
 * One proposal and its votes (null: not indexed yet). Only proposals that exist are remembered, so ids made up by
 * visitors cost no memory.
 */
export function proposalSource(
  config: PublicConfig,
  indexerUrl: string,
  proposalId: string,
): Source<ProposalWithVotes | null> {
  return {
    name: INDEXER_SOURCE,
    key: `governance.proposal|${config.chainId}|${config.contracts.governor}|${indexerUrl}|${proposalId}`,
    read: () => readProposalWithVotes(indexerUrl, proposalId),
    policy: { kind: 'fresh', remember: (found) => found !== null },
    describe: errorMessage,
  };
}
