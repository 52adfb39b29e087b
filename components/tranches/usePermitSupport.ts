'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { testStablecoinAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';

/**
 * The token's EIP-712 domain (ERC-5267) when it has one, which is how we tell that it supports EIP-2612 permits.
 * null: the token does not answer, so the page offers approve only.
 */
export function usePermitDomain(asset: Address) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['tranche', 'permitDomain', config.chainId, asset],
    queryFn: async () => {
      try {
        const [, name, version, chainId, verifyingContract] = await readContract(publicClientFor(config), {
          address: asset,
          abi: testStablecoinAbi,
          functionName: 'eip712Domain',
        });
        return { name, version, chainId: Number(chainId), verifyingContract };
      } catch {
        return null;
      }
    },
    staleTime: Infinity,
  });
}
