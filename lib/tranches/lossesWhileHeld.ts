import { sharesHeldBefore, type Flow } from './costBasis';

export interface TrancheLoss {
  blockNumber: bigint;
  /** What this tranche paid for the loss, in asset units. */
  paid: bigint;
  /** The tranche's share supply at the loss (a loss moves assets, never the supply). */
  totalSupply: bigint | null;
}

/**
 * Your part of the losses this tranche absorbed while you held shares: for each loss, what the tranche paid × the
 * shares you held just before it ÷ the supply then. Shares come from your indexed flows (deposits, withdrawals,
 * transfers, forfeits); a loss whose supply is unknown is skipped and counted in `unknown`.
 */
export function lossesWhileHeld(flows: readonly Flow[], trancheId: number, losses: readonly TrancheLoss[]) {
  let absorbed = 0n;
  let count = 0;
  let unknown = 0;
  for (const loss of losses) {
    if (loss.paid === 0n) continue;
    const held = sharesHeldBefore(flows, trancheId, loss.blockNumber);
    if (held === 0n) continue;
    if (!loss.totalSupply) {
      unknown += 1;
      continue;
    }
    absorbed += (loss.paid * held) / loss.totalSupply;
    count += 1;
  }
  return { absorbed, count, unknown };
}
