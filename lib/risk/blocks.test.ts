import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, blockCount, mergeBlockRuns, runBlocks, splitBlocks } from './blocks';
import { NO_STRESS, withDefaults } from './defaults';
import { createBuffers, prepareKernel, simulateShortfalls } from './monteCarlo';
import { testInputs, testMarket } from './testInputs';

const inputs = testInputs([testMarket('ETH', { volatility: 1.2 }), testMarket('BTC', { volatility: 0.9 })]);

describe('blocks of scenarios', () => {
  it('splits the blocks into contiguous near-equal ranges', () => {
    expect(blockCount(BLOCK_SIZE * 2 + 1)).toBe(3);
    expect(splitBlocks(BLOCK_SIZE * 7, 3)).toEqual([
      { firstBlock: 0, endBlock: 3 },
      { firstBlock: 3, endBlock: 5 },
      { firstBlock: 5, endBlock: 7 },
    ]);
    expect(splitBlocks(10, 4)).toEqual([{ firstBlock: 0, endBlock: 1 }]);
  });

  it('merges ranges run in any order into the single-thread run, bit for bit', () => {
    const scenarios = BLOCK_SIZE * 5 + 123;
    const single = createBuffers(scenarios, 2);
    simulateShortfalls(inputs, NO_STRESS, { scenarios, seed: 3 }, single);
    const setup = prepareKernel(inputs, NO_STRESS, withDefaults());
    for (const parts of [1, 2, 3, 8]) {
      const runs = splitBlocks(scenarios, parts)
        .reverse()
        .map(({ firstBlock, endBlock }) => runBlocks(setup, 3, scenarios, firstBlock, endBlock));
      const merged = { shortfalls: new Float64Array(scenarios), byMarket: new Float64Array(2) };
      mergeBlockRuns(runs, scenarios, 2, merged);
      expect(Buffer.from(merged.shortfalls.buffer).equals(Buffer.from(single.shortfalls.buffer))).toBe(true);
      expect(Array.from(merged.byMarket)).toEqual(Array.from(single.byMarket));
    }
    expect(single.byMarket[0]).toBeGreaterThan(0);
  });

  it('refuses runs that leave out or repeat blocks', () => {
    const scenarios = BLOCK_SIZE * 3;
    const setup = prepareKernel(inputs, NO_STRESS, withDefaults());
    const into = { shortfalls: new Float64Array(scenarios), byMarket: new Float64Array(2) };
    const first = runBlocks(setup, 1, scenarios, 0, 1);
    const last = runBlocks(setup, 1, scenarios, 2, 3);
    expect(() => mergeBlockRuns([first, last], scenarios, 2, into)).toThrow(/gap or overlap at block 1/);
    expect(() => mergeBlockRuns([first], scenarios, 2, into)).toThrow(/end at block 1 of 3/);
  });
});
