'use client';

import { useQuery } from '@tanstack/react-query';
import type { HealthRange } from '@/lib/health/range';
import type { SeriesPayload } from '@/lib/health/seriesPayload';

/** One fetch of the chart data per range, shared by every chart on the page. */
export function useHealthSeries(range: HealthRange) {
  return useQuery({
    queryKey: ['health', 'series', range],
    queryFn: async (): Promise<SeriesPayload> => {
      const response = await fetch(`/api/health/series?range=${range}`);
      const body = (await response.json()) as SeriesPayload | { error: string };
      if ('error' in body) throw new Error(body.error);
      return body;
    },
    staleTime: 30_000,
  });
}
