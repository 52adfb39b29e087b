import { describe, expect, it } from 'vitest';
import { perHead } from './perHead';

describe('perHead', () => {
  it('computes once per head, again when the head moves, and not on a failed read', async () => {
    let inputs = { head: 1, rows: [1, 2] };
    let failing = false;
    let computed = 0;
    const read = perHead(
      async () => {
        if (failing) throw new Error('down');
        return inputs;
      },
      (i) => String(i.head),
      (i) => {
        computed++;
        return i.rows.reduce((a, b) => a + b, 0);
      },
    );
    expect(await read()).toBe(3);
    expect(await read()).toBe(3);
    expect(computed).toBe(1);
    inputs = { head: 2, rows: [1, 2, 3] };
    expect(await read()).toBe(6);
    expect(computed).toBe(2);
    failing = true;
    await expect(read()).rejects.toThrow('down');
    expect(computed).toBe(2);
  });
});
