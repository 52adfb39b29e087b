import { describe, expect, it } from 'vitest';
import { memoLatest } from './memoLatest';

describe('memoLatest', () => {
  it('computes again only when the key changes', () => {
    let runs = 0;
    const square = memoLatest(
      (x: number) => String(x),
      (x: number) => {
        runs += 1;
        return x * x;
      },
    );
    expect([square(3), square(3), square(4), square(4), square(3)]).toEqual([9, 9, 16, 16, 9]);
    expect(runs).toBe(3);
  });
});
