import { describe, expect, it } from 'vitest';
import { foldFlatHours } from './flatHours';

describe('foldFlatHours', () => {
  it('keeps one return per change, divided by √(hours since the last change), and counts changes per hour', () => {
    const folded = foldFlatHours([100, 100, 100, 100, 121, 121, 110]);
    expect(Array.from(folded.returns)).toEqual([Math.log(1.21) / 2, Math.log(110 / 121) / Math.sqrt(2)]);
    expect(Array.from(folded.changesThrough)).toEqual([0, 0, 0, 0, 1, 1, 2]);
  });

  it('reads an oracle that updates every hour as it is', () => {
    const prices = [10, 11, 9, 12];
    const folded = foldFlatHours(prices);
    expect(Array.from(folded.returns)).toEqual([Math.log(1.1), Math.log(9 / 11), Math.log(12 / 9)]);
  });
});
