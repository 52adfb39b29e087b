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
 * A module-level cache in front of one upstream read: at most one read per `ttlMs` however many callers ask. Once
 * there is something to show (a value or a failure), callers get it at once while the next read runs in the
 * background (stale-while-revalidate): under load, no request waits on an upstream that the event loop is too busy
 * to hear back from. Only the very first callers wait, sharing the read. Failed reads are rate-limited the same way
 * (a dead node is not hammered) and the last good value is kept, so the page can always show something with its age.
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
    if (!state.inFlight && Date.now() - state.attemptedAt >= ttlMs()) state.inFlight = refresh();
    const nothingYet = state.value === null && state.failure === null;
    if (state.inFlight && nothingYet) await state.inFlight;
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
