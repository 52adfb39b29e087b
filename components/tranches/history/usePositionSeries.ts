'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { Units } from '@/lib/tranches/positionTable';
import type { PositionPointJson } from '@/lib/tranches/positionTable';

export type PositionSeries =
  | { available: false; reason: string }
  | {
      available: true;
      asset: Units;
      shares: Units;
      indexedTo: string | null;
      pointCount: number;
      points: PositionPointJson[];
    };

/**
 * The account's position history in one tranche, computed by the server from the indexer and the lens. Read again
 * whenever the lens's share balance changes (a deposit, withdrawal or transfer), so cost basis follows the new shares
 * as soon as the indexer has them; the previous history stays on screen meanwhile.
 */
export function usePositionSeries(trancheId: number, account: Address, shares: bigint) {
  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  return useQuery({
    queryKey: ['indexer', 'position-series', chainId, trancheId, account, shares.toString()],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<PositionSeries> => {
      const response = await fetch(onChain(`/tranches/${trancheId}/history/series?account=${account}`), {
        cache: 'no-store',
      });
      if (!response.ok) return { available: false, reason: `the history endpoint answered ${response.status}` };
      return (await response.json()) as PositionSeries;
    },
    refetchInterval: 30_000,
    retry: false,
  });
}
