import type { PublicConfig } from '@/lib/chain/publicConfig';
import { rangeStart, type HealthRange } from '@/lib/health/range';
import { rangeNow } from '@/lib/health/rangeNow';
import { trancheHistory, type TrancheHistoryPoint } from '@/lib/tranches/trancheHistory';
import type { TrancheId } from '@/lib/tranches/trancheRef';
import { failureOf } from '../status';
import { loadHealth } from './loadHealth';

export interface TrancheHistory {
  ok: true;
  from: number;
  points: TrancheHistoryPoint[];
  asset: { symbol: string; decimals: number };
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
  return {
    ok: true,
    from,
    points: trancheHistory(data.samples, id).filter((p) => p.timestamp >= from),
    asset: data.snapshot?.asset ?? { symbol: 'asset units', decimals: 6 },
  };
}
