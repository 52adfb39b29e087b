import { processWide } from '@/lib/server/processWide';

/** What a cached read hands out: the last good value (if any), when it was read, and the current failure. */
export interface CachedRead<T> {
  value: T | null;
  /** ms since epoch of the last successful read. */
  fetchedAt: number | null;
  /** Set while the source fails; `since` is the first failure of the current streak (ms since epoch). */
  failure: { message: string; since: number } | null;
}

interface State<T> {
  value: T | null;
  fetchedAt: number | null;
  attemptedAt: number;
  /** When the last read ended, successful or not. */
  settledAt: number | null;
  /** Whether callers should wait for the read in flight: it was started after the cache sat idle. */
  answerFresh: boolean;
  failure: CachedRead<T>['failure'];
  inFlight: Promise<void> | null;
}

/**
 * A module-level cache in front of one upstream read: at most one read per `ttlMs` however many callers ask. While
 * the next read runs, callers get the last answer (a value or a failure) at once (stale-while-revalidate), unless
 * the cache sat idle for two intervals before that read or has nothing yet: then they wait and share the read.
 * Failed reads are rate-limited the same way (a dead node is not hammered) and the last good value is kept, so a page
 * always has something to show with its age.
 */
export function createTtlCache<T>(
  read: () => Promise<T>,
  /** The interval; it may differ while the source fails (`failing`), e.g. to notice a recovery sooner. */
  ttlMs: (failing: boolean) => number,
  describe: (e: unknown) => string,
) {
  const state: State<T> = {
    value: null, fetchedAt: null, attemptedAt: Number.NEGATIVE_INFINITY, settledAt: null, answerFresh: true, failure: null, inFlight: null,
  };

  const refresh = async () => {
    state.attemptedAt = Date.now();
    try {
      state.value = await read();
      state.fetchedAt = Date.now();
      state.failure = null;
    } catch (error) {
      state.failure = { message: describe(error), since: state.failure?.since ?? state.attemptedAt };
    } finally {
      state.inFlight = null;
      state.settledAt = Date.now();
    }
  };

  return async function get(): Promise<CachedRead<T>> {
    const now = Date.now();
    const ttl = ttlMs(state.failure !== null);
    if (!state.inFlight && now - state.attemptedAt >= ttl) {
      // A busy page never waits (a read's answer can take seconds to be heard under load); but a page nobody opened
      // for two intervals waits for the fresh read, so an outage that began meanwhile shows on its first view.
      state.answerFresh = state.settledAt === null || now - state.settledAt >= 2 * ttl;
      state.inFlight = refresh();
    }
    const nothingYet = state.value === null && state.failure === null;
    if (state.inFlight && (nothingYet || state.answerFresh)) await state.inFlight;
    return { value: state.value, fetchedAt: state.fetchedAt, failure: state.failure };
  };
}

/**
 * Next bundles each route (page, /api/health, CSV…) separately, each with its own copy of this module: the caches
 * live on globalThis so that all routes of one server process share them, and so the one-read-per-interval bound.
 */
const registry = () => processWide('ttlCaches', () => new Map<string, () => Promise<CachedRead<unknown>>>());

/** One cache per upstream (e.g. per lens address), created on first use and kept for the server's lifetime. */
export function cachePerKey<C, T>(
  name: string,
  keyOf: (context: C) => string,
  make: (context: C) => () => Promise<CachedRead<T>>,
) {
  return (context: C): Promise<CachedRead<T>> => {
    const key = `${name}|${keyOf(context)}`;
    const caches = registry();
    let cache = caches.get(key) as (() => Promise<CachedRead<T>>) | undefined;
    if (!cache) {
      cache = make(context);
      caches.set(key, cache as () => Promise<CachedRead<unknown>>);
    }
    return cache();
  };
}
