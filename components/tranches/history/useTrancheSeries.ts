'use client';

import { useQuery } from '@tanstack/react-query';
import type { HealthRange } from '@/lib/health/range';
import type { TrancheSeriesPayload } from '@/lib/tranches/trancheSeriesPayload';

/** One fetch of a tranche's public history per range, shared by its three charts. */
export function useTrancheSeries(id: number, range: HealthRange) {
  return useQuery({
    queryKey: ['tranche', 'series', id, range],
    queryFn: async (): Promise<TrancheSeriesPayload> => {
      const response = await fetch(`/api/tranches/${id}/series?range=${range}`);
      const body = (await response.json()) as TrancheSeriesPayload | { error: string };
      if ('error' in body) throw new Error(body.error);
      return body;
    },
    staleTime: 30_000,
  });
}
