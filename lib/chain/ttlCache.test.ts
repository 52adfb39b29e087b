import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTtlCache } from './ttlCache';

afterEach(() => vi.useRealTimers());

/** A source that answers `value`, or throws "down" while `source.failing` is set. */
function switchableSource(value: string, failing = false) {
  const source = {
    failing,
    read: vi.fn(async () => {
      if (source.failing) throw new Error('down');
      return value;
    }),
  };
  return source;
}
const message = (e: unknown) => (e as Error).message;

describe('createTtlCache', () => {
  it('reads once per interval however many callers, sharing the read in flight', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const read = vi.fn(async () => 7);
    const get = createTtlCache(read, () => 5_000, String);
    const results = await Promise.all(Array.from({ length: 50 }, () => get()));
    expect(read).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.value === 7)).toBe(true);
    vi.setSystemTime(1_004_999);
    await get();
    expect(read).toHaveBeenCalledTimes(1);
    vi.setSystemTime(1_005_000);
    await get();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('answers at once with the last value while the next read runs, and with the new one after', async () => {
    vi.useFakeTimers({ now: 0 });
    let answer!: (n: number) => void;
    let value = 1;
    const get = createTtlCache(async () => (value === 1 ? value : new Promise<number>((resolve) => (answer = resolve))), () => 1_000, String);
    expect((await get()).value).toBe(1); // the first callers wait: there is nothing to show yet
    value = 2;
    vi.setSystemTime(1_000);
    expect((await get()).value).toBe(1); // the slow read for 2 is running; this caller is not held up
    expect((await get()).value).toBe(1);
    answer(2);
    await vi.waitFor(async () => expect((await get()).value).toBe(2));
  });

  it('makes a caller wait for the fresh read when nothing was read for two intervals, so an outage shows at once', async () => {
    vi.useFakeTimers({ now: 0 });
    const source = switchableSource('block 9');
    const get = createTtlCache(source.read, () => 1_000, message);
    await get();
    source.failing = true;
    vi.setSystemTime(2_000); // nobody asked during two intervals
    expect((await get()).failure).toEqual({ message: 'down', since: 2_000 });
  });

  it('can retry a failing source on an interval of its own, and goes back to the normal one once it answers', async () => {
    vi.useFakeTimers({ now: 0 });
    const source = switchableSource('ready', true);
    const { read } = source;
    const get = createTtlCache(read, (failing) => (failing ? 200 : 1_000), message);
    expect((await get()).failure?.message).toBe('down');
    vi.setSystemTime(199);
    await get();
    expect(read).toHaveBeenCalledTimes(1);
    source.failing = false;
    vi.setSystemTime(200); // a fifth of the normal interval: retried already
    await get();
    expect(read).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect((await get()).value).toBe('ready'));
    vi.setSystemTime(999); // answering again: back to the normal interval
    await get();
    expect(read).toHaveBeenCalledTimes(2);
    vi.setSystemTime(1_200);
    await get();
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good value through failures and rate-limits retries', async () => {
    vi.useFakeTimers({ now: 0 });
    const source = switchableSource('block 9');
    const { read } = source;
    const get = createTtlCache(read, () => 1_000, message);
    await get();
    source.failing = true;
    vi.setSystemTime(1_000);
    await get(); // starts the failing read, answers with what it had
    const first = await get();
    vi.setSystemTime(2_500);
    await get();
    const second = await get();
    expect(first).toEqual({ value: 'block 9', fetchedAt: 0, failure: { message: 'down', since: 1_000 } });
    expect(second.failure?.since).toBe(1_000);
    await get();
    expect(read).toHaveBeenCalledTimes(3);
    source.failing = false;
    vi.setSystemTime(4_000);
    await get();
    expect((await get()).failure).toBeNull();
  });
});
