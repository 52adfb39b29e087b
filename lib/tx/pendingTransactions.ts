import type { Hash } from 'viem';

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

/** A record as this code writes it; checked by hand, not with zod, which would add ~30 KiB to every wallet page. */
function isRecord(value: unknown): value is PendingTransaction {
  if (typeof value !== 'object' || value === null) return false;
  const { hash, description, chainId, sentAt } = value as Record<string, unknown>;
  return (
    typeof hash === 'string' &&
    /^0x[0-9a-fA-F]{64}$/.test(hash) &&
    typeof description === 'string' &&
    description.length <= 500 &&
    Number.isSafeInteger(chainId) &&
    (chainId as number) > 0 &&
    typeof sentAt === 'number' &&
    Number.isFinite(sentAt)
  );
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The stored records, or none when unreadable (edited by hand, another version, storage denied). */
function stored(storage: Storage): PendingTransaction[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(PENDING_STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) && parsed.every(isRecord) ? parsed : [];
  } catch {
    return [];
  }
}

/** What the tab still follows on `chainId`. */
export function readPending(storage: Storage, chainId: number, now: number): PendingTransaction[] {
  return stored(storage).filter((tx) => tx.chainId === chainId && now - tx.sentAt < PENDING_MAX_AGE_MS);
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
