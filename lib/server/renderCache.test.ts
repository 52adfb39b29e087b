import { describe, expect, it } from 'vitest';
import { RenderCache, type RenderOutcome } from './renderCache';

function setup(intervalMs = 5_000) {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const cache = new RenderCache<string>(() => intervalMs, clock.now);
  let renders = 0;
  const gates: Array<(outcome: RenderOutcome<string>) => void> = [];
  const render = () => {
    renders += 1;
    return new Promise<RenderOutcome<string>>((resolve) => gates.push(resolve));
  };
  return {
    cache,
    clock,
    render,
    renders: () => renders,
    finish: (value: string, keep = true) => gates.shift()!({ value, keep }),
  };
}

describe('RenderCache', () => {
  it('renders once for concurrent visitors and serves that render within the interval', async () => {
    const t = setup();
    const first = Promise.all([t.cache.get('k', t.render), t.cache.get('k', t.render)]);
    t.finish('v1');
    expect(await first).toEqual(['v1', 'v1']);
    t.clock.advance(4_999);
    expect(await t.cache.get('k', t.render)).toBe('v1');
    expect(t.renders()).toBe(1);
  });

  it('keeps keys apart', async () => {
    const t = setup();
    const light = t.cache.get('light', t.render);
    const dark = t.cache.get('dark', t.render);
    t.finish('L');
    t.finish('D');
    expect([await light, await dark]).toEqual(['L', 'D']);
  });

  it('after the interval answers with the previous render while the next one runs', async () => {
    const t = setup();
    const first = t.cache.get('k', t.render);
    t.finish('v1');
    await first;
    t.clock.advance(5_000);
    expect(await t.cache.get('k', t.render)).toBe('v1');
    expect(t.renders()).toBe(2);
    t.finish('v2');
    await Promise.resolve();
    await Promise.resolve();
    expect(await t.cache.get('k', t.render)).toBe('v2');
    expect(t.renders()).toBe(2);
  });

  it('keeps answering with the previous render while a slow render outlasts two intervals', async () => {
    const t = setup();
    const first = t.cache.get('k', t.render);
    t.finish('v1');
    await first;
    t.clock.advance(5_000);
    expect(await t.cache.get('k', t.render)).toBe('v1');
    t.clock.advance(20_000);
    expect(await t.cache.get('k', t.render)).toBe('v1');
    expect(t.renders()).toBe(2);
  });

  it('does not make a crowd wait when a render took longer than two intervals', async () => {
    const t = setup();
    const first = t.cache.get('k', t.render);
    t.finish('v1');
    await first;
    t.clock.advance(5_000);
    expect(await t.cache.get('k', t.render)).toBe('v1'); // starts the slow render
    t.clock.advance(12_000);
    expect(await t.cache.get('k', t.render)).toBe('v1');
    t.finish('v2'); // started 12 s ago: older than two intervals when it lands
    await Promise.resolve();
    await Promise.resolve();
    t.clock.advance(1_000);
    // The next visitor starts another render and, the page being in use, is answered at once with v2.
    expect(await t.cache.get('k', t.render)).toBe('v2');
    expect(t.renders()).toBe(3);
  });

  it('makes visitors wait for a fresh render after two idle intervals', async () => {
    const t = setup();
    const first = t.cache.get('k', t.render);
    t.finish('v1');
    await first;
    t.clock.advance(10_000);
    const second = t.cache.get('k', t.render);
    t.finish('v2');
    expect(await second).toBe('v2');
  });

  it('does not keep a render marked not to be kept, nor a failed one', async () => {
    const t = setup();
    const error = t.cache.get('k', t.render);
    t.finish('error page', false);
    expect(await error).toBe('error page');
    const failing = new RenderCache<string>(() => 5_000, Date.now);
    await expect(failing.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const next = t.cache.get('k', t.render);
    t.finish('v1');
    expect(await next).toBe('v1');
    expect(t.renders()).toBe(2);
  });
});
