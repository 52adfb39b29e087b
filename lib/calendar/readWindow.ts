import type { Address } from 'viem';
import { getBlock, multicall } from 'viem/actions';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { publicClientFor } from '@/lib/chain/publicClient';
import type { PublicConfig } from '@/lib/chain/publicConfig';

export type WindowRead =
  | { kind: 'request'; trancheName: string; cooldownEnd: number; windowEnd: number; chainNow: number }
  | { kind: 'none'; trancheName: string }
  | { kind: 'lapsed'; trancheName: string; windowEnd: number };

/** An account's withdrawal request in one tranche, read from the vault in one multicall, against the chain's clock. */
export async function readWithdrawalWindow(
  config: PublicConfig,
  vault: Address,
  account: Address,
): Promise<WindowRead> {
  const client = publicClientFor(config);
  const [[name, cooldown], block] = await Promise.all([
    multicall(client, {
      // No Multicall3 deployment is assumed (the local chain has none): viem's deployless multicall.
      deployless: true,
      allowFailure: false,
      contracts: [
        { address: vault, abi: trancheVaultAbi, functionName: 'name' },
        { address: vault, abi: trancheVaultAbi, functionName: 'cooldownOf', args: [account] },
      ],
    }),
    getBlock(client),
  ]);
  const [, cooldownEnd, windowEnd] = cooldown;
  const chainNow = Number(block.timestamp);
  if (windowEnd === 0n) return { kind: 'none', trancheName: name };
  if (Number(windowEnd) <= chainNow) return { kind: 'lapsed', trancheName: name, windowEnd: Number(windowEnd) };
  return {
    kind: 'request',
    trancheName: name,
    cooldownEnd: Number(cooldownEnd),
    windowEnd: Number(windowEnd),
    chainNow,
  };
}
