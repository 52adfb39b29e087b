import type { PublicConfig } from '@/lib/chain/publicConfig';
import { rangeStart, type HealthRange } from '@/lib/health/range';
import { rangeNow } from '@/lib/health/rangeNow';
import { incomeApr, type IncomeApr } from '@/lib/tranches/incomeApr';
import { realisedApr, type RealisedApr } from '@/lib/tranches/realisedApr';
import { trancheHistory, type TrancheHistoryPoint } from '@/lib/tranches/trancheHistory';
import type { TrancheId } from '@/lib/tranches/trancheRef';
import { failureOf } from '../status';
import { loadHealth } from './loadHealth';

export interface TrancheHistory {
  ok: true;
  from: number;
  points: TrancheHistoryPoint[];
  asset: { symbol: string; decimals: number };
  /** Trailing 30-day APRs over the whole history (not the range): realised, and premium and yield apart. */
  apr: RealisedApr;
  income: IncomeApr;
  /** Time of the newest sample (unix seconds). */
  asOf: number | null;
}

/**
 * One tranche's public history in a range, from /health's shared reads (no extra indexer or chain request): the APR
 * is computed over the whole history, then the range is cut, so its first point still has its 30-day look-back.
 */
export async function loadTrancheHistory(
  config: PublicConfig,
  id: TrancheId,
  range: HealthRange,
): Promise<TrancheHistory | { ok: false; reason: string }> {
  const { data, sources } = await loadHealth(config);
  if (!data.samples) return { ok: false, reason: failureOf(sources.indexer)?.reason ?? 'No history yet.' };
  const from = rangeStart(
    range,
    rangeNow(data.snapshot?.blockTimestamp ?? null, data.samples.at(-1)?.timestamp ?? null, Date.now()),
  );
  const all = trancheHistory(data.samples, id);
  return {
    ok: true,
    from,
    points: all.filter((p) => p.timestamp >= from),
    apr: realisedApr(all),
    income: incomeApr(data.samples, id),
    asOf: data.samples.at(-1)?.timestamp ?? null,
    asset: data.snapshot?.asset ?? { symbol: 'asset units', decimals: 6 },
  };
}
