'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';

/**
 * The token's EIP-712 domain (ERC-5267) when it has one, which is how we tell that it supports EIP-2612 permits.
 * null: the token does not answer, so the page offers approve only.
 */
export function usePermitDomain(asset: Address) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', 'permitDomain', config.chainId, asset],
    queryFn: async () => (await loadLiveReads()).readPermitDomain(config, asset),
    staleTime: Infinity,
  });
}
