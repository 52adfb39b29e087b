import type { Hash } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import {
  RETRY_DELAYS_MS,
  REVERTED_WITHOUT_REASON,
  settleTransaction,
  type MinedReceipt,
  type Replacement,
  type SettleDeps,
} from './settleTransaction';

const SENT = `0x${'a'.repeat(64)}` as Hash;
const OTHER = `0x${'b'.repeat(64)}` as Hash;
const mined = (hash: Hash, status: MinedReceipt['status'], blockNumber = 7n): MinedReceipt => ({
  transactionHash: hash,
  blockNumber,
  status,
});

/** Fakes for the chain: `wait` decides what wagmi's waitForTransactionReceipt does on each attempt. */
function deps(
  wait: (onReplaced: (r: Replacement) => void, attempt: number) => Promise<MinedReceipt>,
  receipts: Partial<Record<Hash, MinedReceipt>> = {},
  reason: string | null = null,
): SettleDeps & { sleeps: number[] } {
  let attempt = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    waitForReceipt: (_hash, onReplaced) => wait(onReplaced, attempt++),
    getReceipt: async (hash) => receipts[hash] ?? null,
    revertReason: vi.fn(async () => reason),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

describe('settleTransaction', () => {
  it('confirms with the block the receipt names', async () => {
    const outcome = await settleTransaction(
      SENT,
      deps(async () => mined(SENT, 'success', 42n)),
    );
    expect(outcome).toEqual({ kind: 'confirmed', hash: SENT, blockNumber: 42n });
  });

  it('reports a mined revert with the reason found by replaying it', async () => {
    const d = deps(
      () => Promise.reject(new Error('wagmi: reverted')),
      { [SENT]: mined(SENT, 'reverted', 9n) },
      'Your cooldown ends in 3 d.',
    );
    const outcome = await settleTransaction(SENT, d);
    expect(outcome).toEqual({
      kind: 'reverted',
      hash: SENT,
      blockNumber: 9n,
      message: 'The transaction was mined but reverted: Your cooldown ends in 3 d.',
    });
    expect(d.revertReason).toHaveBeenCalledWith(mined(SENT, 'reverted', 9n));
  });

  it('says a revert happened even when it does not replay', async () => {
    const outcome = await settleTransaction(
      SENT,
      deps(() => Promise.reject(new Error('x')), { [SENT]: mined(SENT, 'reverted') }),
    );
    expect(outcome).toMatchObject({ kind: 'reverted', message: REVERTED_WITHOUT_REASON });
  });

  it('follows a sped-up transaction to its replacement', async () => {
    const outcome = await settleTransaction(
      SENT,
      deps(async (onReplaced) => {
        onReplaced({ reason: 'repriced', hash: OTHER });
        return mined(OTHER, 'success', 11n);
      }),
    );
    expect(outcome).toEqual({ kind: 'confirmed', hash: OTHER, blockNumber: 11n });
  });

  it('reads the replacement receipt when a sped-up transaction reverts', async () => {
    const d = deps(
      async (onReplaced) => {
        onReplaced({ reason: 'repriced', hash: OTHER });
        throw new Error('reverted');
      },
      { [OTHER]: mined(OTHER, 'reverted', 12n) },
    );
    expect(await settleTransaction(SENT, d)).toMatchObject({ kind: 'reverted', hash: OTHER, blockNumber: 12n });
  });

  it('says a cancelled or replaced transaction will not be mined', async () => {
    for (const reason of ['cancelled', 'replaced'] as const) {
      const outcome = await settleTransaction(
        SENT,
        deps(async (onReplaced) => {
          onReplaced({ reason, hash: OTHER });
          return mined(OTHER, 'success');
        }),
      );
      expect(outcome.kind).toBe('replaced');
      expect(outcome.hash, 'the toast keeps the id of the transaction the user sent').toBe(SENT);
      expect((outcome as { message: string }).message).toMatch(
        reason === 'cancelled'
          ? /^Cancelled in your wallet: transaction 0xbbbbbbbb…bbbbbb/
          : /^Replaced in your wallet/,
      );
    }
  });

  it('tries again while the node does not answer, then settles', async () => {
    const d = deps(async (_onReplaced, attempt) => {
      if (attempt < 3) throw new Error('fetch failed');
      return mined(SENT, 'success', 5n);
    });
    expect(await settleTransaction(SENT, d)).toEqual({ kind: 'confirmed', hash: SENT, blockNumber: 5n });
    expect(d.sleeps).toEqual(RETRY_DELAYS_MS.slice(0, 3));
  });

  it('gives up after about a minute of silence, saying the outcome is unknown instead of pending for ever', async () => {
    const d = deps(() => Promise.reject(new Error('fetch failed')));
    const outcome = await settleTransaction(SENT, d);
    expect(outcome).toMatchObject({ kind: 'lost', hash: SENT });
    expect(d.sleeps).toEqual([...RETRY_DELAYS_MS]);
  });
});
