import type { Address } from 'viem';
import { abis } from './artifacts';
import type { SeedContext } from './context';

/** The deployer mints `amount` from the faucet and puts it in the clearinghouse's house liquidity. */
export async function fundHouse(ctx: SeedContext, clearinghouse: Address, amount: bigint): Promise<void> {
  const { tx, deployment, accounts } = ctx;
  const asset = deployment.contracts.asset;
  const from = accounts.deployer;
  await tx.send({ from, to: asset, abi: abis.stablecoin, functionName: 'faucet', args: [amount] });
  await tx.send({ from, to: asset, abi: abis.stablecoin, functionName: 'approve', args: [clearinghouse, amount] });
  await tx.send({ from, to: clearinghouse, abi: abis.clearinghouse, functionName: 'fundHouse', args: [amount] });
}
