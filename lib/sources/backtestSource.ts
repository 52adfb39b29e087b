import { healthSettings } from '@/lib/chain/healthSettings';
import type { IndexedLoss, IndexedSample } from '@/lib/indexer/schema';
import { chainBacktest, marketHistoriesOf, type ChainBacktest } from '@/lib/risk/chainBacktest';
import { lossesSource, samplesSource } from './indexerSources';
import { INDEXER_SOURCE } from './names';
import { perHead } from './perHead';
import { readSource, type ReadOptions } from './readSource';
import { errorMessage, type Source } from './source';
import { failureOf } from './status';

export interface BacktestInputs {
  samples: readonly IndexedSample[];
  losses: readonly IndexedLoss[];
}

/** The indexer's state the backtest depends on: its newest sample and loss. */
export function backtestHead({ samples, losses }: BacktestInputs): string {
  const last = samples.at(-1);
  return `${samples.length}|${last?.blockNumber ?? ''}|${losses.length}|${losses[0]?.lossId ?? ''}|${losses.at(-1)?.lossId ?? ''}`;
}

export function backtestOf({ samples, losses }: BacktestInputs): ChainBacktest {
  return chainBacktest(
    marketHistoriesOf(samples),
    losses.map((l) => ({ lossId: l.lossId, marketId: l.marketId, market: l.market, timestamp: l.timestamp })),
    samples.at(-1)?.timestamp ?? null,
  );
}

/**
 * The walk-forward backtest on the indexed oracle history, from the samples' and losses' shared caches: refreshed
 * with them (same interval, last good value kept on failure) and recomputed only when the indexer's head moved.
 */
export function backtestSource(url: string, options: ReadOptions = {}): Source<ChainBacktest> {
  return {
    name: INDEXER_SOURCE,
    key: `risk.backtest|${url}`,
    // Only the first source made for a key is kept (readSource.ts): one memo per process.
    read: perHead(() => backtestInputs(url, options), backtestHead, backtestOf),
    policy: { kind: 'shared', ttlMs: () => healthSettings().refreshSeconds * 1000 },
    describe: errorMessage,
  };
}

async function backtestInputs(url: string, options: ReadOptions): Promise<BacktestInputs> {
  const [samples, losses] = await Promise.all([
    readSource(samplesSource(url), options),
    readSource(lossesSource(url), options),
  ]);
  if (!samples.value || !losses.value) {
    const failing = failureOf(samples.status) ?? failureOf(losses.status);
    throw new Error(failing?.reason ?? 'no indexed history yet');
  }
  return { samples: samples.value, losses: losses.value };
}
