'use client';

import { useQuery } from '@tanstack/react-query';
import { zeroAddress, type Address } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';

export type { ProposalChainState } from '@/lib/chain/liveReads';

/** One proposal's live state from the governor (state, tally, times, quorum, the account's vote). */
export function useProposalChainState(proposalId: bigint, account: Address | undefined) {
  const config = usePublicConfig();
  const who = account ?? zeroAddress;
  return useQuery({
    queryKey: ['governance', 'proposal', config.contracts.governor, proposalId.toString(), who],
    queryFn: async () => (await loadLiveReads()).readProposalChainState(config, proposalId, who),
    staleTime: 2_000,
    refetchInterval: 3_000,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
