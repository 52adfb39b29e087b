import { describe, expect, it } from 'vitest';
import { lastKnownStore, readOrLastKnown } from './lastKnown';

describe('readOrLastKnown', () => {
  it('keeps the last good value and the start of the failure streak while the source is down', async () => {
    const key = `test-${Math.random()}`;
    const ok = await readOrLastKnown(key, async () => 41, () => ({ source: 'Chain RPC', message: 'x' }));
    expect(ok).toMatchObject({ value: 41, failure: null });
    const first = await readOrLastKnown(key, () => Promise.reject(new Error('down')), (e) => ({ source: 'Chain RPC', message: (e as Error).message }));
    expect(first.value).toBe(41);
    expect(first.fetchedAt).toBe(ok.fetchedAt);
    expect(first.failure).toMatchObject({ source: 'Chain RPC', message: 'down' });
    const store = lastKnownStore<number>(key);
    const later = store.failed('Chain RPC', 'still down', first.failure!.since + 5_000);
    expect(later.failure).toEqual({ source: 'Chain RPC', message: 'still down', since: first.failure!.since });
    expect(store.succeeded(42).failure).toBeNull();
  });

  it('starts a new streak when another source fails', () => {
    const store = lastKnownStore<number>(`test-${Math.random()}`);
    store.failed('History indexer', 'a', 1_000);
    expect(store.failed('Chain RPC', 'b', 2_000).failure?.since).toBe(2_000);
  });

  it('has no value when nothing was ever read', async () => {
    const read = await readOrLastKnown(`test-${Math.random()}`, () => Promise.reject(new Error('no')), () => ({ source: 'Chain RPC', message: 'no' }));
    expect(read).toMatchObject({ value: null, fetchedAt: null });
  });
});
