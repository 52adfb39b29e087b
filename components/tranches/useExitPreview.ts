'use client';

import { useQuery } from '@tanstack/react-query';
import { maxUint256, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import type { AmountUnit } from './UnitToggle';

export interface ExitPreviewResult {
  /** Shares the exit burns. */
  shares: bigint;
  /** Assets it pays: the lower of the shares' value at the owner's request and now. */
  paid: bigint;
  /** What those shares are worth now at the vault-wide price. */
  valueNow: bigint;
}

/**
 * The owner's own exit preview (previewRedeemFor / previewWithdrawFor): unlike previewRedeem and previewWithdraw it
 * applies the exit rule, so the figure shown is the figure paid.
 */
export function useExitPreview(vault: Address, owner: Address, unit: AmountUnit, amount: bigint | null) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', 'exitPreview', config.chainId, vault, owner, unit, amount?.toString() ?? null],
    queryFn: async (): Promise<ExitPreviewResult> => {
      const client = publicClientFor(config);
      const value = amount ?? 0n;
      if (unit === 'shares') {
        const [paid, withheld] = await readContract(client, {
          address: vault,
          abi: trancheVaultAbi,
          functionName: 'previewRedeemFor',
          args: [owner, value],
        });
        return { shares: value, paid, valueNow: paid + withheld };
      }
      const shares = await readContract(client, {
        address: vault,
        abi: trancheVaultAbi,
        functionName: 'previewWithdrawFor',
        args: [owner, value],
      });
      // A request worth nothing cannot pay any assets: the vault answers with the largest number.
      if (shares === maxUint256) return { shares, paid: value, valueNow: value };
      const valueNow = await readContract(client, {
        address: vault,
        abi: trancheVaultAbi,
        functionName: 'previewRedeem',
        args: [shares],
      });
      return { shares, paid: value, valueNow };
    },
    enabled: amount !== null,
    placeholderData: (previous) => previous,
  });
}
