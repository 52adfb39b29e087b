'use client';

import { useQuery } from '@tanstack/react-query';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { HealthRange } from '@/lib/health/range';
import type { TrancheSeriesPayload } from '@/lib/tranches/trancheSeriesPayload';

/** One fetch of a tranche's public history per range, shared by its three charts. */
export function useTrancheSeries(id: number, range: HealthRange) {
  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  return useQuery({
    queryKey: ['tranche', 'series', chainId, id, range],
    queryFn: async (): Promise<TrancheSeriesPayload> => {
      const response = await fetch(onChain(`/api/tranches/${id}/series?range=${range}`));
      const body = (await response.json()) as TrancheSeriesPayload | { error: string };
      if ('error' in body) throw new Error(body.error);
      return body;
    },
    staleTime: 30_000,
  });
}
