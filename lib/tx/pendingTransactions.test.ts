import type { Hash } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  PENDING_MAX_AGE_MS,
  PENDING_STORAGE_KEY,
  readPending,
  updatePending,
  type PendingTransaction,
} from './pendingTransactions';

function memoryStorage(initial?: string) {
  const map = new Map<string, string>(initial === undefined ? [] : [[PENDING_STORAGE_KEY, initial]]);
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}
const hash = (c: string) => `0x${c.repeat(64)}` as Hash;
const tx = (c: string, sentAt = 1_000, chainId = 31337): PendingTransaction => ({
  hash: hash(c),
  description: `tx ${c}`,
  chainId,
  sentAt,
});

describe('pending transactions in sessionStorage', () => {
  it('adds, replaces by hash and removes', () => {
    const storage = memoryStorage();
    updatePending(storage, { add: tx('a') });
    updatePending(storage, { add: tx('b') });
    updatePending(storage, { add: { ...tx('a'), description: 'again' } });
    expect(readPending(storage, 31337, 2_000).map((t) => t.description)).toEqual(['tx b', 'again']);
    updatePending(storage, { remove: hash('b') });
    expect(readPending(storage, 31337, 2_000).map((t) => t.hash)).toEqual([hash('a')]);
  });

  it('reads only this chain and drops records older than a day', () => {
    const storage = memoryStorage();
    updatePending(storage, { add: tx('a', 0) });
    updatePending(storage, { add: tx('b', PENDING_MAX_AGE_MS) });
    updatePending(storage, { add: tx('c', PENDING_MAX_AGE_MS, 1) });
    expect(readPending(storage, 31337, PENDING_MAX_AGE_MS + 1).map((t) => t.hash)).toEqual([hash('b')]);
  });

  it('treats anything unreadable as nothing, and starts over when writing', () => {
    for (const bad of ['not json', '{"a":1}', JSON.stringify([{ ...tx('a'), hash: 'javascript:alert(1)' }])]) {
      const storage = memoryStorage(bad);
      expect(readPending(storage, 31337, 2_000)).toEqual([]);
      updatePending(storage, { add: tx('d') });
      expect(readPending(storage, 31337, 2_000).map((t) => t.hash)).toEqual([hash('d')]);
    }
  });

  it('ignores a storage that throws (private mode, full quota)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readPending(throwing, 31337, 0)).toEqual([]);
    expect(() => updatePending(throwing, { add: tx('a') })).not.toThrow();
  });
});
