import type { Address } from 'viem';
import type { Deployment } from '../deployment';
import { abis } from './artifacts';
import { STRATEGY_BUFFERS, YIELD_APR_BPS } from './params';
import type { TxSender } from './tx';

/**
 * Mints `days` of yield into the local yield vault at YIELD_APR_BPS a year on what it holds (its owner, the keeper,
 * signs). Returns the amount, in asset units (0 when there is no vault or nothing to earn on).
 */
export async function accrueYield(
  tx: TxSender,
  deployment: Deployment,
  keeper: Address,
  days: number,
): Promise<bigint> {
  const yieldVault = deployment.contracts.yieldVault;
  if (!yieldVault) return 0n;
  const held = await tx.read(yieldVault, abis.yieldVault, 'totalAssets');
  // days as a fraction: hundredths of a day keep a simulator tick's worth from rounding to nothing
  const amount = (held * YIELD_APR_BPS * BigInt(Math.round(days * 100))) / (10_000n * 365n * 100n);
  if (amount === 0n) return 0n;
  await tx.send({ from: keeper, to: yieldVault, abi: abis.yieldVault, functionName: 'accrue', args: [amount] });
  return amount;
}

/** Reports every tranche with a strategy (`BackstopModule.rebalance`, which anyone may call); returns how many. */
export async function reportStrategies(tx: TxSender, deployment: Deployment, keeper: Address): Promise<number> {
  if (!deployment.contracts.yieldVault) return 0;
  for (const s of STRATEGY_BUFFERS) {
    await tx.send({
      from: keeper,
      to: deployment.contracts.module,
      abi: abis.module,
      functionName: 'rebalance',
      args: [s.trancheId],
    });
  }
  return STRATEGY_BUFFERS.length;
}
