'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';

type PreviewFunction = 'previewDeposit' | 'previewWithdraw' | 'previewRedeem' | 'convertToShares' | 'convertToAssets';

/** One ERC-4626 preview read on the vault (the vault's own rounding), or null while there is no amount. */
export function useVaultPreview(vault: Address, functionName: PreviewFunction, amount: bigint | null) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', functionName, config.chainId, vault, amount?.toString() ?? null],
    queryFn: () =>
      readContract(publicClientFor(config), {
        address: vault,
        abi: trancheVaultAbi,
        functionName,
        args: [amount ?? 0n],
      }),
    enabled: amount !== null,
    placeholderData: (previous) => previous,
  });
}
