import type { IndexedSample } from '@/lib/indexer/schema';
import { APR_WINDOW_SECONDS } from './realisedApr';

const YEAR_SECONDS = 365n * 86_400n;

export type IncomeApr =
  | {
      ok: true;
      /** Premium booked over the window, a year's worth of it over the window's mean capital, in basis points. */
      premiumBps: bigint;
      /** Strategy yield booked over the window, the same way. */
      yieldBps: bigint;
      /** Times of the window's first and last samples (unix seconds). */
      from: number;
      to: number;
    }
  | { ok: false; reason: string };

interface IncomePoint {
  timestamp: number;
  capital: bigint;
  premium: bigint;
  yield: bigint;
}

/**
 * A tranche's premium APR and strategy-yield APR, apart, over the trailing 30 days of indexed samples: what each
 * source booked between the last sample at least 30 days before the newest one and the newest (cumulative counters,
 * so no sample in between is needed), annualised linearly over the time between them and divided by the mean
 * capital of the window's samples. Simple, not compounded, like the realised APR; both are booked when paid, so
 * they lead the share price by the vesting period. Samples without the counters (an older indexer) are skipped.
 */
export function incomeApr(
  samples: readonly IndexedSample[],
  id: number,
  windowSeconds = APR_WINDOW_SECONDS,
): IncomeApr {
  const points = samples.flatMap((s): IncomePoint[] => {
    const t = s.tranches.find((x) => x.id === id);
    if (!t || t.premiumReceived === undefined || t.yieldReceived === undefined) return [];
    return [
      {
        timestamp: s.timestamp,
        capital: BigInt(t.totalAssets),
        premium: BigInt(t.premiumReceived),
        yield: BigInt(t.yieldReceived),
      },
    ];
  });
  const to = points.at(-1);
  if (!to) return { ok: false, reason: 'no indexed premium or yield history' };
  const cutoff = to.timestamp - windowSeconds;
  let startIndex = -1;
  while (startIndex + 1 < points.length && points[startIndex + 1]!.timestamp <= cutoff) startIndex++;
  if (startIndex < 0) {
    const days = Math.floor((to.timestamp - points[0]!.timestamp) / 86_400);
    return { ok: false, reason: `only ${days} d of history (needs 30 d)` };
  }
  const from = points[startIndex]!;
  const window = points.slice(startIndex);
  const elapsed = BigInt(to.timestamp - from.timestamp);
  if (elapsed <= 0n) return { ok: false, reason: 'no time passed between the two samples' };
  // Cumulative counters never fall: one that did comes from a corrupt or foreign source.
  if (to.premium < from.premium || to.yield < from.yield) {
    return { ok: false, reason: 'the indexed premium or yield totals went down' };
  }
  const meanCapital = window.reduce((sum, p) => sum + p.capital, 0n) / BigInt(window.length);
  if (meanCapital === 0n) return { ok: false, reason: 'the tranche had no capital over the window' };
  const annualised = (income: bigint) => (income * 10_000n * YEAR_SECONDS) / (meanCapital * elapsed);
  return {
    ok: true,
    premiumBps: annualised(to.premium - from.premium),
    yieldBps: annualised(to.yield - from.yield),
    from: from.timestamp,
    to: to.timestamp,
  };
}
