/** Why a tranche takes no deposit now, read from the lens figures the page already has (no extra call). */
export type DepositClosedReason = 'paused' | 'cap' | 'wiped';

export function depositClosedReason(v: {
  maxDeposit: bigint;
  depositsPaused: boolean;
  totalAssets: bigint;
  depositCap: bigint;
}): DepositClosedReason | null {
  if (v.maxDeposit > 0n) return null;
  if (v.depositsPaused) return 'paused';
  if (v.totalAssets >= v.depositCap) return 'cap';
  // The vault's only other reason for maxDeposit = 0: a loss took its share price under the floor.
  return 'wiped';
}

export const DEPOSIT_CLOSED_SENTENCES: Record<DepositClosedReason, string> = {
  paused: 'Deposits are paused by the guardian right now.',
  cap: 'This tranche is at its deposit cap.',
  wiped:
    'This tranche was wiped out by a loss and takes no deposits until governance restarts it in a new share epoch; what it had left goes to the holders from before the loss.',
};

/** The field's limit label when nothing can be deposited. */
export const DEPOSIT_CLOSED_LIMITS: Record<DepositClosedReason, string> = {
  paused: 'nothing while deposits are paused',
  cap: 'the room left under the tranche cap',
  wiped: 'nothing until the wiped tranche is restarted',
};
