import { zeroAddress, type Address } from 'viem';

const WAD = 10n ** 18n;

/** The lens's productive-capital fields of one tranche (BackstopLens.TrancheView). */
export interface StrategyFields {
  strategy: Address;
  bufferShare: bigint;
  idleAssets: bigint;
  strategyAssets: bigint;
  liveStrategyAssets: bigint;
}

export type StrategySplit =
  | { kind: 'none'; idle: bigint }
  | {
      kind: 'strategy';
      strategy: Address;
      idle: bigint;
      /** The strategy's value as recorded at its last report, and live now (booked at the next report). */
      recorded: bigint;
      live: bigint;
      /** Shares of the books (idle + recorded), and the buffer target, in basis points. */
      idleBps: bigint;
      strategyBps: bigint;
      bufferTargetBps: bigint;
      /** live − recorded: yield (positive) or loss (negative) the next report books. */
      unreported: bigint;
    }
  | { kind: 'invalid'; reason: string };

/**
 * How a tranche's books split between its idle buffer and its strategy, from the lens. Every figure comes from the
 * chain and is checked before use: a buffer share above 100 % is refused rather than shown.
 */
export function strategySplit(fields: StrategyFields): StrategySplit {
  if (fields.strategy === zeroAddress) return { kind: 'none', idle: fields.idleAssets };
  if (fields.bufferShare > WAD) return { kind: 'invalid', reason: 'the lens reports a buffer share above 100 %' };
  const books = fields.idleAssets + fields.strategyAssets;
  const bps = (part: bigint) => (books === 0n ? 0n : (part * 10_000n) / books);
  return {
    kind: 'strategy',
    strategy: fields.strategy,
    idle: fields.idleAssets,
    recorded: fields.strategyAssets,
    live: fields.liveStrategyAssets,
    idleBps: bps(fields.idleAssets),
    strategyBps: bps(fields.strategyAssets),
    bufferTargetBps: (fields.bufferShare * 10_000n) / WAD,
    unreported: fields.liveStrategyAssets - fields.strategyAssets,
  };
}
