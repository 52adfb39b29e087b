/**
 * Price histories onto a common regular time grid, so that returns line up across markets.
 * Each series is sampled by last observation carried forward (the oracle's answer at a time is its latest
 * update). The grid covers the span every series covers: from the latest first observation to the earliest
 * last one.
 */
export interface PricePoint {
  /** Unix seconds. */
  timestamp: number;
  /** Price (any unit; only ratios are used). */
  price: number;
}

export interface AlignedHistories {
  /** Grid times, ascending, `stepSeconds` apart. */
  timestamps: number[];
  /** prices[market][i] at timestamps[i]. */
  prices: Float64Array[];
}

function sorted(history: readonly PricePoint[]): readonly PricePoint[] {
  for (let i = 1; i < history.length; i++) {
    if ((history[i] as PricePoint).timestamp < (history[i - 1] as PricePoint).timestamp) {
      return [...history].sort((a, b) => a.timestamp - b.timestamp);
    }
  }
  return history;
}

export function alignHistories(histories: readonly (readonly PricePoint[])[], stepSeconds: number): AlignedHistories {
  if (!(stepSeconds > 0)) throw new RangeError(`stepSeconds must be positive, got ${stepSeconds}`);
  const series = histories.map(sorted);
  if (series.length === 0 || series.some((s) => s.length === 0)) {
    return { timestamps: [], prices: series.map(() => new Float64Array(0)) };
  }
  let start = -Infinity;
  let end = Infinity;
  for (const s of series) {
    start = Math.max(start, (s[0] as PricePoint).timestamp);
    end = Math.min(end, (s[s.length - 1] as PricePoint).timestamp);
  }
  const count = end >= start ? Math.floor((end - start) / stepSeconds) + 1 : 0;
  const timestamps = Array.from({ length: count }, (_, i) => start + i * stepSeconds);
  const prices = series.map((s) => {
    const out = new Float64Array(count);
    let cursor = 0;
    for (let i = 0; i < count; i++) {
      const t = timestamps[i] as number;
      while (cursor + 1 < s.length && (s[cursor + 1] as PricePoint).timestamp <= t) cursor++;
      out[i] = (s[cursor] as PricePoint).price;
    }
    return out;
  });
  return { timestamps, prices };
}

/** The median gap between consecutive timestamps (robust to the odd extra sample), 0 with fewer than two. */
export function medianSpacing(timestamps: readonly number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) gaps.push((timestamps[i] as number) - (timestamps[i - 1] as number));
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? (gaps[mid] as number) : 0.5 * ((gaps[mid - 1] as number) + (gaps[mid] as number));
}
