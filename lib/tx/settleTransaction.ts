import type { Hash } from 'viem';
import { shortHash } from './explorerLink';

/** How a sent transaction ended, in the words the toast and the form's status line use. */
export type TxOutcome =
  | { kind: 'confirmed'; hash: Hash; blockNumber: bigint }
  | { kind: 'reverted'; hash: Hash; blockNumber: bigint; message: string }
  | { kind: 'replaced'; hash: Hash; message: string }
  | { kind: 'lost'; hash: Hash; message: string };

/** What viem's `onReplaced` reports when the wallet sped up, cancelled or replaced the transaction. */
export interface Replacement {
  reason: 'repriced' | 'cancelled' | 'replaced';
  hash: Hash;
}

export interface MinedReceipt {
  transactionHash: Hash;
  blockNumber: bigint;
  status: 'success' | 'reverted';
}

/** The chain access settling needs; the wallet provider passes wagmi's actions, tests pass fakes. */
export interface SettleDeps {
  /** wagmi's `waitForTransactionReceipt` action: resolves with a successful receipt, throws on a revert or an RPC failure. */
  waitForReceipt(
    hash: Hash,
    onReplaced: (replacement: Replacement) => void,
  ): Promise<{ transactionHash: Hash; blockNumber: bigint }>;
  /** The receipt if the transaction is mined, null if not (yet). */
  getReceipt(hash: Hash): Promise<MinedReceipt | null>;
  /** The decoded reason of a mined revert, found by replaying the call at its block; null when it does not replay. */
  revertReason(receipt: MinedReceipt): Promise<string | null>;
  sleep(ms: number): Promise<void>;
}

/** Waits between attempts when the node stops answering (a restart, a network blip): about a minute in all. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

export const REVERTED_WITHOUT_REASON = 'The transaction was mined but reverted: nothing changed except the gas paid.';

/**
 * Follows a sent transaction to its end: confirmed, reverted (with the contract's reason when it replays), or
 * replaced in the wallet. A sped-up transaction is followed to its replacement. When the node stops answering, it
 * tries again for about a minute, then says the outcome is unknown rather than staying "pending" for ever.
 */
export async function settleTransaction(hash: Hash, deps: SettleDeps): Promise<TxOutcome> {
  let replacement: Replacement | null = null;
  const onReplaced = (r: Replacement) => {
    replacement = r;
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const receipt = await deps.waitForReceipt(hash, onReplaced);
      return (
        replacedOutcome(hash, replacement) ?? {
          kind: 'confirmed',
          hash: receipt.transactionHash,
          blockNumber: receipt.blockNumber,
        }
      );
    } catch {
      // wagmi throws on a revert too: the receipt says which it was.
      const current = (replacement as Replacement | null)?.hash ?? hash;
      const mined = await deps.getReceipt(current).catch(() => null);
      if (mined) {
        const replaced = replacedOutcome(hash, replacement);
        if (replaced) return replaced;
        if (mined.status === 'success')
          return { kind: 'confirmed', hash: mined.transactionHash, blockNumber: mined.blockNumber };
        const reason = await deps.revertReason(mined).catch(() => null);
        return {
          kind: 'reverted',
          hash: mined.transactionHash,
          blockNumber: mined.blockNumber,
          message: reason ? `The transaction was mined but reverted: ${reason}` : REVERTED_WITHOUT_REASON,
        };
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        return {
          kind: 'lost',
          hash,
          message:
            'The network stopped answering while the transaction was pending, so its outcome is unknown: check your wallet or the explorer.',
        };
      }
      await deps.sleep(delay);
    }
  }
}

function replacedOutcome(hash: Hash, replacement: Replacement | null): TxOutcome | null {
  if (!replacement || replacement.reason === 'repriced') return null;
  const other = shortHash(replacement.hash);
  return {
    kind: 'replaced',
    hash,
    message:
      replacement.reason === 'cancelled'
        ? `Cancelled in your wallet: transaction ${other} took its place, so nothing was done.`
        : `Replaced in your wallet by another transaction (${other}): this one will not be mined.`,
  };
}
