import { describe, expect, it } from 'vitest';
import { loadOnce } from './loadOnce';

describe('loadOnce', () => {
  it('loads once for every caller, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const load = loadOnce(async () => {
      calls += 1;
      if (fail) throw new Error('chunk failed');
      return { value: calls };
    });
    await expect(load()).rejects.toThrow('chunk failed');
    expect(load.current).toBeNull();
    fail = false;
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(a.value).toBe(2);
    expect(await load()).toBe(a);
    expect(load.current).toBe(a);
    expect(calls).toBe(2);
  });
});
