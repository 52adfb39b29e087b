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
  failure: CachedRead<T>['failure'];
  inFlight: Promise<void> | null;
}

/**
 * A module-level cache in front of one upstream read: at most one read per `ttlMs` however many callers ask. While
 * the next read runs, callers get the last answer (a value or a failure) at once if it is from the last two intervals
 * (stale-while-revalidate): under load, no request waits on an upstream that the busy event loop is slow to hear
 * back from. Older than that, or with nothing yet, callers wait and share the read. Failed reads are rate-limited
 * the same way (a dead node is not hammered) and the last good value is kept, so a page always has something to show
 * with its age.
 */
export function createTtlCache<T>(read: () => Promise<T>, ttlMs: () => number, describe: (e: unknown) => string) {
  const state: State<T> = { value: null, fetchedAt: null, attemptedAt: Number.NEGATIVE_INFINITY, failure: null, inFlight: null };

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
    }
  };

  return async function get(): Promise<CachedRead<T>> {
    const ttl = ttlMs();
    const sinceAttempt = Date.now() - state.attemptedAt;
    if (!state.inFlight && sinceAttempt >= ttl) state.inFlight = refresh();
    // At once only what was read in the last two intervals: a busy page never waits, but a page nobody opened for a
    // while waits for the fresh read, so an outage that began meanwhile shows on its first view.
    const recent = sinceAttempt < 2 * ttl && (state.value !== null || state.failure !== null);
    if (state.inFlight && !recent) await state.inFlight;
    return { value: state.value, fetchedAt: state.fetchedAt, failure: state.failure };
  };
}

/**
 * Next bundles each route (page, /api/health, CSV…) separately, each with its own copy of this module: the caches
 * live on globalThis so that all routes of one server process share them, and so the one-read-per-interval bound.
 */
const REGISTRY = Symbol.for('backstop.ttlCaches');
type Registry = Map<string, () => Promise<CachedRead<unknown>>>;
function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

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
