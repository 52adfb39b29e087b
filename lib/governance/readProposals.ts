import { getBlock, multicall } from 'viem/actions';
import { backstopGovernorAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { stateName, type ProposalStateName } from '@/lib/governance/proposalState';
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
    getBlock(client),
    multicall(client, {
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

export interface ProposalWithVotes {
  proposal: IndexedProposal;
  votes: IndexedVote[];
}

/** One proposal and its votes from the indexer, or null when it has not indexed that proposal (yet). */
export async function readProposalWithVotes(indexerUrl: string, proposalId: string): Promise<ProposalWithVotes | null> {
  const [proposal, votes] = await Promise.all([
    fetchProposals(indexerUrl).then((all) => all.find((p) => p.proposalId === proposalId)),
    fetchVotes(indexerUrl, proposalId),
  ]);
  return proposal ? { proposal, votes } : null;
}
