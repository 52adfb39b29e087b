'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';

export type AccountHistory =
  | { available: false; reason: string }
  | {
      available: true;
      costBasis: string;
      sharesTracked: string;
      realisedPnl: string;
      lossesAbsorbed: string;
      lossCount: number;
      lossesUnknown: number;
      flowCount: number;
      lastFlowBlock: string | null;
    };

/** The account's cost basis and losses in one tranche, computed by the server from the indexer. */
export function useAccountHistory(trancheId: number, account: Address) {
  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  return useQuery({
    queryKey: ['indexer', 'account-history', chainId, trancheId, account],
    queryFn: async (): Promise<AccountHistory> => {
      const response = await fetch(onChain(`/tranches/${trancheId}/history?account=${account}`), { cache: 'no-store' });
      if (!response.ok) return { available: false, reason: `the history endpoint answered ${response.status}` };
      return (await response.json()) as AccountHistory;
    },
    refetchInterval: 15_000,
    retry: false,
  });
}
