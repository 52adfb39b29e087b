import { healthSettings } from '@/lib/chain/healthSettings';
import type { ChainBacktest } from '@/lib/risk/chainBacktest';
import { backtestSource } from '../backtestSource';
import { readAgo } from '../describe';
import { lossesSource, samplesSource } from '../indexerSources';
import { readSource, type ReadOptions } from '../readSource';
import { describedStatus, failureOf, type SourceStatus } from '../status';

export interface BacktestReading {
  backtest: ChainBacktest | null;
  /** The first failing of the samples and losses reads (one indexer banner), else the backtest's own. */
  status: SourceStatus;
  refreshSeconds: number;
}

/** "Does the model hold?" on /health and GET /api/risk/backtest: the backtest of the indexed oracle history. */
export async function loadBacktest(options: ReadOptions = {}): Promise<BacktestReading> {
  const { indexerUrl, refreshSeconds } = healthSettings();
  const [backtest, samples, losses] = await Promise.all([
    readSource(backtestSource(indexerUrl, options), options),
    readSource(samplesSource(indexerUrl), options),
    readSource(lossesSource(indexerUrl), options),
  ]);
  const now = (options.clock ?? Date.now)();
  const status = [samples, losses].map((r) => r.status).find((s) => failureOf(s)) ?? backtest.status;
  const readAt = backtest.status.readAt;
  return {
    backtest: backtest.value,
    status: describedStatus(status, backtest.value && readAt !== null ? `the backtest ${readAgo(readAt, now)}` : null),
    refreshSeconds,
  };
}
