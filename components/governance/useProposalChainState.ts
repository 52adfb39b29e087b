'use client';

import { useQuery } from '@tanstack/react-query';
import { zeroAddress, type Address } from 'viem';
import { multicall } from 'viem/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { backstopGovernorAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import { stateName, type ProposalStateName } from '@/lib/governance/proposalState';

export interface ProposalChainState {
  state: ProposalStateName | 'unknown';
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  snapshot: bigint;
  deadline: bigint;
  /** Timelock eta (unix s); 0 when not queued. */
  eta: bigint;
  /** Null until the snapshot has passed. */
  quorum: bigint | null;
  hasVoted: boolean;
  /** The account's votes at the snapshot; null until the snapshot has passed. */
  votesAtSnapshot: bigint | null;
}

/** One proposal's live state from the governor (state, tally, times, quorum, the account's vote), in one multicall. */
export function useProposalChainState(proposalId: bigint, account: Address | undefined) {
  const config = usePublicConfig();
  const who = account ?? zeroAddress;
  return useQuery({
    queryKey: ['governance', 'proposal', config.contracts.governor, proposalId.toString(), who],
    queryFn: async (): Promise<ProposalChainState> => {
      const client = publicClientFor(config);
      const governor = { address: config.contracts.governor, abi: backstopGovernorAbi } as const;
      const [state, votes, snapshot, deadline, eta, hasVoted] = await multicall(client, {
        deployless: true,
        allowFailure: false,
        contracts: [
          { ...governor, functionName: 'state', args: [proposalId] },
          { ...governor, functionName: 'proposalVotes', args: [proposalId] },
          { ...governor, functionName: 'proposalSnapshot', args: [proposalId] },
          { ...governor, functionName: 'proposalDeadline', args: [proposalId] },
          { ...governor, functionName: 'proposalEta', args: [proposalId] },
          { ...governor, functionName: 'hasVoted', args: [proposalId, who] },
        ],
      });
      const [quorum, mine] = await multicall(client, {
        deployless: true,
        allowFailure: true,
        contracts: [
          { ...governor, functionName: 'quorum', args: [snapshot] },
          { ...governor, functionName: 'getVotes', args: [who, snapshot] },
        ],
      });
      return {
        state: stateName(state),
        againstVotes: votes[0],
        forVotes: votes[1],
        abstainVotes: votes[2],
        snapshot,
        deadline,
        eta,
        quorum: quorum.status === 'success' ? quorum.result : null,
        hasVoted,
        votesAtSnapshot: mine.status === 'success' ? mine.result : null,
      };
    },
    staleTime: 2_000,
    refetchInterval: 3_000,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
