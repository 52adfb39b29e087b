'use client';

import { useQuery } from '@tanstack/react-query';
import { multicall, readContract } from 'viem/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { clearinghouseAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import type { ClearinghouseExtras } from '@/lib/governance/chainParams';

/** The two clearinghouse values the lens does not carry (max price age, liquidation fee per market), in one multicall. */
export function useClearinghouseExtras(marketCount: number) {
  const config = usePublicConfig();
  return useQuery({
    queryKey: ['governance', 'clearinghouse-extras', config.contracts.clearinghouse, marketCount],
    queryFn: async (): Promise<ClearinghouseExtras> => {
      const clearinghouse = { address: config.contracts.clearinghouse, abi: clearinghouseAbi } as const;
      const client = publicClientFor(config);
      const [age, markets] = await Promise.all([
        readContract(client, { ...clearinghouse, functionName: 'maxPriceAge' }).then(
          (result) => ({ status: 'success' as const, result }),
          () => ({ status: 'failure' as const }),
        ),
        multicall(client, {
          deployless: true,
          allowFailure: true,
          contracts: Array.from(
            { length: marketCount },
            (_, i) => ({ ...clearinghouse, functionName: 'market', args: [BigInt(i)] }) as const,
          ),
        }),
      ]);
      return {
        maxPriceAge: age.status === 'success' ? age.result : null,
        liquidationFeeRates: markets.map((m) => (m.status === 'success' ? m.result[2].liquidationFeeRate : null)),
      };
    },
    staleTime: 4_000,
    refetchInterval: 8_000,
  });
}
