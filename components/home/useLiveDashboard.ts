'use client';

import { useQuery } from '@tanstack/react-query';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';
import type { Dashboard } from '@/lib/chain/readDashboard';

export const DASHBOARD_REFRESH_MS = 4_000;

/**
 * The lens dashboard, seeded with the server's read and refreshed with one eth_call every few seconds.
 * A failed refresh keeps the last good data and exposes a readable error.
 */
export function useLiveDashboard(initial: Dashboard | null, renderedAt: number) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['lens', 'dashboard', config.chainId, config.contracts.lens],
    queryFn: async () => (await loadLiveReads()).readLiveDashboard(config),
    initialData: initial ?? undefined,
    initialDataUpdatedAt: renderedAt,
    // The server's read is fresh: no second call on hydration, the first refresh comes after one interval.
    staleTime: DASHBOARD_REFRESH_MS,
    refetchInterval: DASHBOARD_REFRESH_MS,
    retry: false,
  });
}
