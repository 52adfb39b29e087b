import type { IndexedSample } from '@/lib/indexer/schema';
import { drawdownSummary } from './drawdownSummary';
import { incomeApr, type IncomeApr } from './incomeApr';
import { realisedApr, type RealisedApr } from './realisedApr';

/** What a tranche's indexed history says, for its card on /tranches. */
export interface TrancheHistorySummary {
  apr: RealisedApr | { ok: false; reason: string };
  /** Premium APR and strategy-yield APR, apart (the realised APR is their net of losses, through the share price). */
  income: IncomeApr;
  drawdown: { maxBps: number; maxAt: number | null; currentBps: number } | null;
  /** Time of the newest indexed sample, or null without history. */
  asOf: number | null;
}

export function summariseHistory(samples: readonly IndexedSample[], id: number): TrancheHistorySummary {
  const points = samples.flatMap((s) => {
    const t = s.tranches.find((x) => x.id === id);
    return t ? [{ timestamp: s.timestamp, sharePrice: BigInt(t.sharePrice), drawdownBps: t.drawdownBps }] : [];
  });
  return {
    apr: points.length ? realisedApr(points) : { ok: false, reason: 'no indexed share-price history' },
    income: incomeApr(samples, id),
    drawdown: drawdownSummary(points),
    asOf: points.at(-1)?.timestamp ?? null,
  };
}
