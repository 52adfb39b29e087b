import { maxUint256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { combineChains, type ChainFigures } from './combined';
import { WAD } from './wad';

const TUSD = { symbol: 'tUSD', decimals: 6 };

function chain(chainId: number, capital: bigint, required: bigint, options: Partial<ChainFigures> = {}): ChainFigures {
  return {
    chainId,
    live: true,
    figures: {
      asset: TUSD,
      totalCapital: capital,
      requiredCapital: required,
      openInterestNotional: required * 10n,
      solvencyThreshold: WAD,
    },
    ...options,
  };
}

describe('combineChains', () => {
  it('sums capital, required capital and exposure, and divides the sums in bigint', () => {
    // 2^60 + 1 and 3 are beyond a float's exact range once scaled by 1e18: the ratio must stay exact.
    const big = 2n ** 60n + 1n;
    const result = combineChains([chain(31337, big, 2n), chain(31338, 5n, 1n)]);
    expect(result).toMatchObject({
      ok: true,
      totalCapital: big + 5n,
      requiredCapital: 3n,
      openInterestNotional: 30n,
      solvencyRatio: ((big + 5n) * WAD) / 3n,
      counted: [31337, 31338],
      missing: [],
      partial: false,
    });
  });

  it('is not the average of the ratios', () => {
    const result = combineChains([chain(1, 300n, 100n), chain(2, 100n, 300n)]);
    // 400 / 400 = 100 %, where the mean of 300 % and 33 % would be 166 %.
    expect(result.ok && result.solvencyRatio).toBe(WAD);
  });

  it('leaves a chain that is down out of the sums and says the figures are partial', () => {
    const down = chain(31338, 1_000n, 1n, { live: false });
    const never = chain(5, 0n, 0n, { live: false, figures: null });
    const result = combineChains([chain(31337, 200n, 100n), down, never]);
    expect(result).toMatchObject({
      ok: true,
      totalCapital: 200n,
      requiredCapital: 100n,
      solvencyRatio: 2n * WAD,
      counted: [31337],
      missing: [31338, 5],
      partial: true,
    });
  });

  it('judges the status against the strictest threshold', () => {
    const strict = chain(2, 130n, 100n);
    strict.figures!.solvencyThreshold = (WAD * 12n) / 10n;
    const result = combineChains([chain(1, 130n, 100n), strict]);
    expect(result.ok && [result.solvencyThreshold, result.status]).toEqual([(WAD * 12n) / 10n, 'warning']);
  });

  it('is unbounded when nothing is required anywhere', () => {
    const result = combineChains([chain(1, 10n, 0n), chain(2, 0n, 0n)]);
    expect(result.ok && [result.solvencyRatio, result.status]).toEqual([maxUint256, 'healthy']);
  });

  it('adds nothing up when no chain answers, or when the assets differ', () => {
    expect(combineChains([chain(1, 1n, 1n, { live: false })])).toMatchObject({
      ok: false,
      problem: 'No chain answers now.',
      missing: [1],
      partial: true,
    });
    const other = chain(2, 1n, 1n);
    other.figures!.asset = { symbol: 'USDC', decimals: 6 };
    const mixed = combineChains([chain(1, 1n, 1n), other]);
    expect(mixed).toMatchObject({ ok: false, counted: [1, 2], partial: false });
    expect(mixed.ok || mixed.problem).toMatch(/different assets \(tUSD, 6 decimals and USDC, 6 decimals\)/);
  });
});
