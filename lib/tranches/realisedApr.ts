const YEAR_SECONDS = 365n * 86_400n;
export const APR_WINDOW_SECONDS = 30 * 86_400;

export interface PricePoint {
  timestamp: number;
  sharePrice: bigint;
}

export type RealisedApr =
  { ok: true; aprBps: bigint; from: PricePoint; to: PricePoint } | { ok: false; reason: string };

/**
 * Trailing realised APR of a share price: (p_now / p_then − 1) annualised linearly over the time between the two
 * samples, `then` being the last sample at least 30 days before the newest one. Simple, not compounded, so it
 * compares with a premium quote. A fall is not turned into a negative yield: it is reported as a loss.
 */
export function realisedApr(points: readonly PricePoint[], windowSeconds = APR_WINDOW_SECONDS): RealisedApr {
  const to = points[points.length - 1];
  const first = points[0];
  if (!to || !first) return { ok: false, reason: 'no share-price history indexed yet' };
  const cutoff = to.timestamp - windowSeconds;
  let from: PricePoint | undefined;
  for (const p of points) {
    if (p.timestamp <= cutoff) from = p;
    else break;
  }
  if (!from) {
    const days = Math.floor((to.timestamp - first.timestamp) / 86_400);
    return { ok: false, reason: `only ${days} d of history (needs 30 d)` };
  }
  if (from.sharePrice === 0n) return { ok: false, reason: 'the share price was 0 at the start of the window' };
  if (to.sharePrice < from.sharePrice) {
    const fellBps = ((from.sharePrice - to.sharePrice) * 10_000n) / from.sharePrice;
    return {
      ok: false,
      reason: `the share price fell ${formatBps(fellBps)} over the last 30 d (losses exceeded premiums)`,
    };
  }
  const aprBps = annualisedBps(from, to);
  if (aprBps === null) return { ok: false, reason: 'no time passed between the two samples' };
  return { ok: true, aprBps, from, to };
}

/**
 * (p_to / p_from − 1) annualised linearly (simple, 365-day year), in basis points, rounded toward zero; negative when
 * the price fell. Null when the start price is 0 or no time passed.
 */
export function annualisedBps(from: PricePoint, to: PricePoint): bigint | null {
  const elapsed = BigInt(to.timestamp - from.timestamp);
  if (from.sharePrice === 0n || elapsed <= 0n) return null;
  return ((to.sharePrice - from.sharePrice) * 10_000n * YEAR_SECONDS) / (from.sharePrice * elapsed);
}

/** Basis points as a percentage with two decimals: 1234n -> "12.34 %". */
export function formatBps(bps: bigint): string {
  const negative = bps < 0n;
  const abs = negative ? -bps : bps;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')} %`;
}
