import { backstopGovernorAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { stateName, type ProposalStateName } from '@/lib/governance/proposalState';
import { describeReadError } from '@/lib/chain/describeReadError';
import { hasLastKnown, lastKnownStore, readOrLastKnown, type LastKnown } from '@/lib/health/lastKnown';
import { CHAIN_SOURCE, INDEXER_SOURCE } from '@/lib/health/sources';
import { IndexerError } from '@/lib/indexer/errors';
import { fetchProposals, fetchVotes } from '@/lib/indexer/proposalsClient';
import type { IndexedProposal, IndexedVote } from '@/lib/indexer/proposalsSchema';

export interface ProposalRow {
  proposal: IndexedProposal;
  state: ProposalStateName | 'unknown';
  /** Null while the snapshot lies in the future (pending) or the read failed. */
  quorum: bigint | null;
}

export interface ProposalsRead {
  rows: ProposalRow[];
  /** Chain time of the block read, unix s. */
  chainTime: number;
  /** The block those states were read at. */
  blockNumber: bigint;
}

/** The indexer's proposals with each one's live state and quorum from the governor, in one multicall. */
export async function readProposals(config: PublicConfig, indexerUrl: string): Promise<ProposalsRead> {
  const proposals = await fetchProposals(indexerUrl);
  const client = publicClientFor(config);
  const governor = { address: config.contracts.governor, abi: backstopGovernorAbi } as const;
  const [block, results] = await Promise.all([
    client.getBlock(),
    client.multicall({
      deployless: true,
      allowFailure: true,
      contracts: proposals.flatMap((p) => [
        { ...governor, functionName: 'state', args: [BigInt(p.proposalId)] } as const,
        { ...governor, functionName: 'quorum', args: [BigInt(p.voteStart)] } as const,
      ]),
    }),
  ]);
  return {
    chainTime: Number(block.timestamp),
    blockNumber: block.number,
    rows: proposals.map((proposal, i) => {
      const state = results[2 * i];
      const quorum = results[2 * i + 1];
      return {
        proposal,
        state: state?.status === 'success' ? stateName(state.result as number) : 'unknown',
        quorum: quorum?.status === 'success' ? (quorum.result as bigint) : null,
      };
    }),
  };
}

/** readProposals, or while the indexer or the node is down the last list this server read and which source failed. */
export function readProposalsOrLastKnown(config: PublicConfig, indexerUrl: string): Promise<LastKnown<ProposalsRead>> {
  return readOrLastKnown(
    `governance.proposals|${config.chainId}|${config.contracts.governor}|${indexerUrl}`,
    () => readProposals(config, indexerUrl),
    (error) =>
      error instanceof IndexerError
        ? { source: INDEXER_SOURCE, message: error.message }
        : { source: CHAIN_SOURCE, message: describeReadError(error, config.contracts.governor) },
  );
}

export interface ProposalWithVotes {
  proposal: IndexedProposal;
  votes: IndexedVote[];
}

/**
 * One proposal and its votes from the indexer (value null: not indexed yet), or while the indexer is down the last
 * ones this server read. Only proposals that exist are remembered, so ids made up by visitors cost no memory.
 */
export async function readProposalOrLastKnown(
  config: PublicConfig,
  indexerUrl: string,
  proposalId: string,
): Promise<LastKnown<ProposalWithVotes | null>> {
  const key = `governance.proposal|${config.chainId}|${config.contracts.governor}|${indexerUrl}|${proposalId}`;
  try {
    const [proposal, votes] = await Promise.all([
      fetchProposals(indexerUrl).then((all) => all.find((p) => p.proposalId === proposalId)),
      fetchVotes(indexerUrl, proposalId),
    ]);
    if (!proposal) return { value: null, fetchedAt: Date.now(), failure: null };
    return lastKnownStore<ProposalWithVotes>(key).succeeded({ proposal, votes });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!hasLastKnown(key)) return { value: null, fetchedAt: null, failure: { source: INDEXER_SOURCE, message, since: Date.now() } };
    return lastKnownStore<ProposalWithVotes>(key).failed(INDEXER_SOURCE, message);
  }
}
