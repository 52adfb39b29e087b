import type { Hash } from 'viem';
import { z } from 'zod';

/**
 * Sent transactions not settled yet, kept in the tab's sessionStorage so that a reload, or a visit to a page without
 * the wallet code (/health) and back, picks them up again and still settles their toasts.
 */
export interface PendingTransaction {
  hash: Hash;
  description: string;
  chainId: number;
  /** ms since the epoch. */
  sentAt: number;
}

export const PENDING_STORAGE_KEY = 'backstop.pendingTransactions';

/** Older ones are dropped: the wallet's activity list is the record by then. */
export const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_KEPT = 20;

const record = z.object({
  hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  description: z.string().max(500),
  chainId: z.number().int().positive(),
  sentAt: z.number().finite(),
});

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The stored records, or none when unreadable (edited by hand, another version, storage denied). */
function stored(storage: Storage): z.infer<typeof record>[] {
  try {
    const parsed = z.array(record).safeParse(JSON.parse(storage.getItem(PENDING_STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** What the tab still follows on `chainId`. */
export function readPending(storage: Storage, chainId: number, now: number): PendingTransaction[] {
  return stored(storage)
    .filter((tx) => tx.chainId === chainId && now - tx.sentAt < PENDING_MAX_AGE_MS)
    .map((tx) => ({ ...tx, hash: tx.hash as Hash }));
}

/** Adds one (replacing a record of the same hash) or, with `remove`, drops it. Storage errors are ignored. */
export function updatePending(storage: Storage, change: { add: PendingTransaction } | { remove: Hash }): void {
  const kept = stored(storage).filter((tx) => tx.hash !== ('add' in change ? change.add.hash : change.remove));
  const next = 'add' in change ? [...kept, change.add].slice(-MAX_KEPT) : kept;
  try {
    storage.setItem(PENDING_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full quota: the transaction is still followed while the page lives.
  }
}
