/**
 * How a source is read for the pages:
 * - shared: a TTL cache every visitor shares, at most one upstream read per interval (public, aggregate reads);
 *   `ttlMs(failing)` may shorten the interval while the source fails, to notice a recovery sooner.
 * - fresh: a read on every request, falling back to the last good value while the upstream fails (figures a visitor
 *   acts on). `remember` limits which values are kept: reads keyed by visitor input keep only real finds, so made-up
 *   keys cost no memory.
 */
export type SourcePolicy<T> =
  { kind: 'shared'; ttlMs: (failing: boolean) => number } | { kind: 'fresh'; remember?: (value: T) => boolean };

/** One upstream read as the pages see it. */
export interface Source<T> {
  /** The upstream's name in banners (names.ts), unless `describe` names another for a given error. */
  name: string;
  /** Identifies this source's state in the registry: the same upstream must give the same key. */
  key: string;
  read: () => Promise<T>;
  policy: SourcePolicy<T>;
  /** The failure in words, and which upstream failed when a read spans two (a proposal list: indexer and chain). */
  describe: (error: unknown) => { reason: string; source?: string };
}

export const errorMessage = (error: unknown) => ({ reason: error instanceof Error ? error.message : String(error) });
