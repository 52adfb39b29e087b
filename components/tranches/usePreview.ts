'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';
import type { PreviewFunction } from '@/lib/chain/liveReads';

/** One ERC-4626 preview read on the vault (the vault's own rounding), or null while there is no amount. */
export function useVaultPreview(vault: Address, functionName: PreviewFunction, amount: bigint | null) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', functionName, config.chainId, vault, amount?.toString() ?? null],
    queryFn: async () => (await loadLiveReads()).readVaultPreview(config, vault, functionName, amount ?? 0n),
    enabled: amount !== null,
    placeholderData: (previous) => previous,
  });
}
