import { describe, expect, it } from 'vitest';
import { readSource, type SourceRegistry } from './readSource';
import type { Source, SourcePolicy } from './source';

/** A clock the test moves by hand; the reads themselves run on real timers. */
function handClock(start = 0) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** An upstream that answers `value` (or throws "down" while failing), counting its reads; `gate` holds a read open. */
function upstream<T>(value: T) {
  const u = {
    value,
    failing: false,
    reads: 0,
    gate: null as Promise<void> | null,
    read: async (): Promise<T> => {
      u.reads += 1;
      if (u.gate) await u.gate;
      if (u.failing) throw new Error('down');
      return u.value;
    },
  };
  return u;
}

function sourceOf<T>(
  u: { read: () => Promise<T> },
  policy: SourcePolicy<T> | ReturnType<typeof shared>,
  name = 'Chain RPC',
): Source<T> {
  return { name, key: `test|${name}`, read: u.read, policy, describe: (e) => ({ reason: (e as Error).message }) };
}

const shared = (ms: number, failingMs = ms) =>
  ({ kind: 'shared', ttlMs: (failing: boolean) => (failing ? failingMs : ms) }) as const;

describe('shared policy', () => {
  it('reads once per interval however many callers ask, all sharing the read in flight', async () => {
    const clock = handClock(1_000_000);
    const registry: SourceRegistry = new Map();
    const u = upstream(7);
    const source = sourceOf(u, shared(5_000));
    const results = await Promise.all(
      Array.from({ length: 50 }, () => readSource(source, { clock: clock.now, registry })),
    );
    expect(u.reads).toBe(1);
    expect(results.every((r) => r.value === 7 && r.status.state === 'ok')).toBe(true);
    clock.t += 4_999;
    await readSource(source, { clock: clock.now, registry });
    expect(u.reads).toBe(1);
    clock.t += 1;
    await readSource(source, { clock: clock.now, registry });
    expect(u.reads).toBe(2);
  });

  it('is shared between sources made separately for the same key (each route bundle makes its own)', async () => {
    const clock = handClock();
    const registry: SourceRegistry = new Map();
    const u = upstream('a');
    await readSource(sourceOf(u, shared(1_000)), { clock: clock.now, registry });
    await readSource(sourceOf(u, shared(1_000)), { clock: clock.now, registry });
    expect(u.reads).toBe(1);
  });

  it('answers at once with the last value while the next read runs, and with the new one after', async () => {
    const clock = handClock();
    const registry: SourceRegistry = new Map();
    const u = upstream(1);
    const source = sourceOf(u, shared(1_000));
    expect((await readSource(source, { clock: clock.now, registry })).value).toBe(1);
    let open!: () => void;
    u.gate = new Promise((resolve) => (open = resolve));
    u.value = 2;
    clock.t = 1_000;
    expect((await readSource(source, { clock: clock.now, registry })).value).toBe(1); // the slow read runs meanwhile
    expect(u.reads).toBe(2);
    open();
    u.gate = null;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = await readSource(source, { clock: clock.now, registry });
    expect(after.value).toBe(2);
    expect(u.reads).toBe(2);
  });

  it('keeps the last value as stale while the upstream fails, then goes back to ok', async () => {
    const clock = handClock();
    const registry: SourceRegistry = new Map();
    const u = upstream('block 9');
    const source = sourceOf(u, shared(1_000));
    expect((await readSource(source, { clock: clock.now, registry })).status).toEqual({
      source: 'Chain RPC',
      state: 'ok',
      readAt: 0,
    });
    u.failing = true;
    clock.t = 2_000; // nobody asked for two intervals: this caller waits for the fresh read, so the outage shows at once
    const failed = await readSource(source, { clock: clock.now, registry });
    expect(failed.value).toBe('block 9');
    expect(failed.status).toEqual({
      source: 'Chain RPC',
      state: 'stale',
      readAt: 0,
      reason: 'down',
      since: 2_000,
      ageMs: 2_000,
    });
    clock.t = 4_000;
    const still = await readSource(source, { clock: clock.now, registry });
    expect(still.status).toMatchObject({ state: 'stale', since: 2_000, ageMs: 4_000 });
    u.failing = false;
    clock.t = 6_000;
    expect((await readSource(source, { clock: clock.now, registry })).status).toEqual({
      source: 'Chain RPC',
      state: 'ok',
      readAt: 6_000,
    });
  });

  it('is down, with no value, when it failed before any read succeeded', async () => {
    const registry: SourceRegistry = new Map();
    const u = upstream(1);
    u.failing = true;
    const reading = await readSource(sourceOf(u, shared(1_000)), { clock: handClock(500).now, registry });
    expect(reading).toEqual({
      value: null,
      status: { source: 'Chain RPC', state: 'down', readAt: null, reason: 'down', since: 500 },
    });
  });

  it('retries a failing upstream on its own interval, and returns to the normal one once it answers', async () => {
    const clock = handClock();
    const registry: SourceRegistry = new Map();
    const u = upstream('ready');
    u.failing = true;
    const source = sourceOf(u, shared(1_000, 200));
    const read = () => readSource(source, { clock: clock.now, registry });
    await read();
    clock.t = 199;
    await read();
    expect(u.reads).toBe(1);
    u.failing = false;
    clock.t = 200;
    await read();
    expect(u.reads).toBe(2);
    clock.t = 999;
    await read();
    expect(u.reads).toBe(2);
    clock.t = 1_200;
    await read();
    expect(u.reads).toBe(3);
  });
});

describe('fresh policy', () => {
  const fresh = { kind: 'fresh' } as const;

  it('reads on every request', async () => {
    const registry: SourceRegistry = new Map();
    const u = upstream(3);
    const source = sourceOf(u, fresh);
    await readSource(source, { clock: handClock().now, registry });
    await readSource(source, { clock: handClock().now, registry });
    expect(u.reads).toBe(2);
  });

  it('falls back to the last good value while the upstream fails, keeping the start of the streak', async () => {
    const clock = handClock(1_000);
    const registry: SourceRegistry = new Map();
    const u = upstream(41);
    const source = sourceOf(u, fresh);
    await readSource(source, { clock: clock.now, registry });
    u.failing = true;
    clock.t = 3_000;
    const first = await readSource(source, { clock: clock.now, registry });
    expect(first).toEqual({
      value: 41,
      status: { source: 'Chain RPC', state: 'stale', readAt: 1_000, reason: 'down', since: 3_000, ageMs: 2_000 },
    });
    clock.t = 8_000;
    expect((await readSource(source, { clock: clock.now, registry })).status).toMatchObject({
      state: 'stale',
      since: 3_000,
      ageMs: 7_000,
    });
    u.failing = false;
    u.value = 42;
    clock.t = 9_000;
    expect(await readSource(source, { clock: clock.now, registry })).toEqual({
      value: 42,
      status: { source: 'Chain RPC', state: 'ok', readAt: 9_000 },
    });
  });

  it('starts a new streak when another upstream of the same read fails', async () => {
    const clock = handClock();
    const registry: SourceRegistry = new Map();
    let failing = 'History indexer';
    const source: Source<number> = {
      name: 'History indexer',
      key: 'test|two-sided',
      read: () => Promise.reject(new Error(failing)),
      policy: { kind: 'fresh' },
      describe: (e) => ({ reason: 'no', source: (e as Error).message }),
    };
    clock.t = 1_000;
    expect((await readSource(source, { clock: clock.now, registry })).status).toMatchObject({
      state: 'down',
      source: 'History indexer',
      since: 1_000,
    });
    failing = 'Chain RPC';
    clock.t = 2_000;
    expect((await readSource(source, { clock: clock.now, registry })).status).toMatchObject({
      state: 'down',
      source: 'Chain RPC',
      since: 2_000,
    });
  });

  it('keeps nothing for values it is told not to remember, found or failed', async () => {
    const registry: SourceRegistry = new Map();
    const u = upstream<string | null>(null);
    const source = sourceOf(u, { kind: 'fresh', remember: (v) => v !== null });
    expect((await readSource(source, { clock: handClock().now, registry })).value).toBeNull();
    u.failing = true;
    expect((await readSource(source, { clock: handClock(5).now, registry })).status).toMatchObject({
      state: 'down',
      since: 5,
    });
    expect(registry.size).toBe(0);
    u.failing = false;
    u.value = 'found';
    await readSource(source, { clock: handClock().now, registry });
    expect(registry.size).toBe(1);
  });
});
