'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
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

/** The account's position history in one tranche, computed by the server from the indexer and the lens. */
export function usePositionSeries(trancheId: number, account: Address) {
  return useQuery({
    queryKey: ['indexer', 'position-series', trancheId, account],
    queryFn: async (): Promise<PositionSeries> => {
      const response = await fetch(`/tranches/${trancheId}/history/series?account=${account}`, { cache: 'no-store' });
      if (!response.ok) return { available: false, reason: `the history endpoint answered ${response.status}` };
      return (await response.json()) as PositionSeries;
    },
    refetchInterval: 30_000,
    retry: false,
  });
}
