/**
 * Reads a growing, time-ordered history (the indexer's samples) without fetching all of it on every refresh: after
 * one full read it asks only for the rows from shortly before the newest one it holds, and replaces its tail with
 * them. The overlap replaces rows the indexer rewrote after a reorg of up to that much chain time; a full read now
 * and then catches anything deeper (or an indexer whose database was rebuilt).
 *
 * Why: the whole sample history is about 1 KB per sample (754 KB for 120 days of the seeded chain) and grows with the
 * chain's age, while a refresh interval adds a handful of rows.
 */
export interface IncrementalHistoryOptions {
  /** Chain seconds before the newest held row from which a refresh reads again. */
  overlapSeconds: number;
  /** Wall-clock ms after which the next refresh reads the whole history again. */
  fullReadEveryMs: number;
  now?: () => number;
}

export function incrementalHistory<T extends { timestamp: number }>(
  readFrom: (from: number) => Promise<T[]>,
  { overlapSeconds, fullReadEveryMs, now = Date.now }: IncrementalHistoryOptions,
): () => Promise<T[]> {
  let held: T[] = [];
  let fullReadAt = Number.NEGATIVE_INFINITY;

  return async function read(): Promise<T[]> {
    const newest = held.at(-1);
    if (!newest || now() - fullReadAt >= fullReadEveryMs) {
      const started = now();
      held = await readFrom(0);
      fullReadAt = started;
      return held;
    }
    const from = Math.max(0, newest.timestamp - overlapSeconds);
    const tail = await readFrom(from);
    // The indexer answers rows with timestamp ≥ from: keep ours strictly before it, so none is held twice.
    held = held.slice(0, firstAtOrAfter(held, from)).concat(tail);
    return held;
  };
}

/** Index of the first row whose timestamp is ≥ from, in a list sorted by timestamp (binary search). */
function firstAtOrAfter(rows: readonly { timestamp: number }[], from: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.timestamp < from) low = middle + 1;
    else high = middle;
  }
  return low;
}
