import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { coverageOfOpenInterest, shareOf, totalOpenInterest } from './coverage';

describe('coverage of open interest', () => {
  const markets = [
    { longNotional: 300n, shortNotional: 100n },
    { longNotional: 50n, shortNotional: 50n },
  ];
  it('sums long and short notional of every market', () => {
    expect(totalOpenInterest(markets)).toBe(500n);
  });
  it('is capital over total notional as a wad fraction', () => {
    expect(coverageOfOpenInterest(250n, markets)).toBe(parseEther('0.5'));
    expect(coverageOfOpenInterest(1000n, markets)).toBe(parseEther('2'));
  });
  it('is null without open interest', () => {
    expect(coverageOfOpenInterest(1000n, [])).toBeNull();
  });
  it('share of total is 0 for an empty whole', () => {
    expect(shareOf(1n, 0n)).toBe(0n);
    expect(shareOf(1n, 4n)).toBe(parseEther('0.25'));
  });
});
