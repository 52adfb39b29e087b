'use client';

import { useQuery } from '@tanstack/react-query';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';

/** The two clearinghouse values the lens does not carry (max price age, liquidation fee per market), in one multicall. */
export function useClearinghouseExtras(marketCount: number) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['governance', 'clearinghouse-extras', config.contracts.clearinghouse, marketCount],
    queryFn: async () => (await loadLiveReads()).readClearinghouseExtras(config, marketCount),
    staleTime: 4_000,
    refetchInterval: 8_000,
  });
}
