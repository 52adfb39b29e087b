import { zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { strategySplit } from './strategySplit';

const STRATEGY = '0x00000000000000000000000000000000000000aa';

describe('strategySplit', () => {
  it('splits the books into the idle buffer and the strategy, against the buffer target', () => {
    const split = strategySplit({
      strategy: STRATEGY,
      bufferShare: 3n * 10n ** 17n,
      idleAssets: 250_000n,
      strategyAssets: 750_000n,
      liveStrategyAssets: 751_500n,
    });
    expect(split).toEqual({
      kind: 'strategy',
      strategy: STRATEGY,
      idle: 250_000n,
      recorded: 750_000n,
      live: 751_500n,
      idleBps: 2_500n,
      strategyBps: 7_500n,
      bufferTargetBps: 3_000n,
      unreported: 1_500n,
    });
  });

  it('says when there is no strategy, and when the books are empty', () => {
    expect(
      strategySplit({
        strategy: zeroAddress,
        bufferShare: 0n,
        idleAssets: 5n,
        strategyAssets: 0n,
        liveStrategyAssets: 0n,
      }),
    ).toEqual({ kind: 'none', idle: 5n });
    expect(
      strategySplit({
        strategy: STRATEGY,
        bufferShare: 10n ** 18n,
        idleAssets: 0n,
        strategyAssets: 0n,
        liveStrategyAssets: 0n,
      }),
    ).toMatchObject({ kind: 'strategy', idleBps: 0n, strategyBps: 0n, bufferTargetBps: 10_000n });
  });

  it('refuses a buffer share above 100 % and shows an unreported loss as negative', () => {
    expect(
      strategySplit({
        strategy: STRATEGY,
        bufferShare: 10n ** 18n + 1n,
        idleAssets: 1n,
        strategyAssets: 1n,
        liveStrategyAssets: 1n,
      }),
    ).toEqual({ kind: 'invalid', reason: 'the lens reports a buffer share above 100 %' });
    expect(
      strategySplit({
        strategy: STRATEGY,
        bufferShare: 0n,
        idleAssets: 0n,
        strategyAssets: 100n,
        liveStrategyAssets: 90n,
      }),
    ).toMatchObject({ unreported: -10n });
  });
});
