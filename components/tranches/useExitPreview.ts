'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';
import type { AmountUnit } from './UnitToggle';

export type { ExitPreviewResult } from '@/lib/chain/liveReads';

/**
 * The owner's own exit preview (previewRedeemFor / previewWithdrawFor): unlike previewRedeem and previewWithdraw it
 * applies the exit rule, so the figure shown is the figure paid.
 */
export function useExitPreview(vault: Address, owner: Address, unit: AmountUnit, amount: bigint | null) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', 'exitPreview', config.chainId, vault, owner, unit, amount?.toString() ?? null],
    queryFn: async () => (await loadLiveReads()).readExitPreview(config, vault, owner, unit, amount ?? 0n),
    enabled: amount !== null,
    placeholderData: (previous) => previous,
  });
}
