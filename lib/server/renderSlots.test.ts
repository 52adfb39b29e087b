import { afterEach, describe, expect, it, vi } from 'vitest';
import { RenderSlots } from './renderSlots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RenderSlots', () => {
  afterEach(() => vi.useRealTimers());

  it('admits up to the limit at once and queues the rest', async () => {
    const slots = new RenderSlots(2, 10_000);
    const a = await slots.acquire();
    await slots.acquire();
    let third = false;
    const pending = slots.acquire().then((release) => {
      third = true;
      return release;
    });
    await tick();
    expect(third).toBe(false);
    expect(slots.queued).toBe(1);
    a();
    (await pending)();
    expect(third).toBe(true);
    expect(slots.inUse).toBe(1);
  });

  it('serves waiters in arrival order', async () => {
    const slots = new RenderSlots(1, 10_000);
    const first = await slots.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => slots.acquire().then((release) => (order.push(n), release())));
    first();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(slots.inUse).toBe(0);
  });

  it('counts a double release once', async () => {
    const slots = new RenderSlots(1, 10_000);
    const release = await slots.acquire();
    release();
    release();
    expect(slots.inUse).toBe(0);
    await slots.acquire();
    expect(slots.inUse).toBe(1);
  });

  it('takes a slot back after the longest hold, so a slow reader cannot keep it', async () => {
    vi.useFakeTimers();
    const slots = new RenderSlots(1, 2_000);
    await slots.acquire(); // never released by its holder
    let admitted = false;
    const next = slots.acquire().then(() => (admitted = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(admitted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await next;
    expect(admitted).toBe(true);
  });

  it('rejects a limit below one', () => {
    expect(() => new RenderSlots(0, 1_000)).toThrow(RangeError);
  });
});
