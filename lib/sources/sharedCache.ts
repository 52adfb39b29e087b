import type { Clock } from './clock';
import { statusOf, type Reading } from './status';

/** What a shared cache holds between requests. */
export interface SharedState<T> {
  /** The read of the source that created this state: it may hold state of its own (an incremental history). */
  read: () => Promise<T>;
  value: T | null;
  hasValue: boolean;
  readAt: number | null;
  attemptedAt: number;
  /** When the last read ended, successful or not. */
  settledAt: number | null;
  /** Whether callers should wait for the read in flight: it was started after the cache sat idle. */
  answerFresh: boolean;
  failure: { source: string; reason: string; since: number } | null;
  inFlight: Promise<void> | null;
}

export function emptySharedState<T>(read: () => Promise<T>): SharedState<T> {
  return {
    read,
    value: null,
    hasValue: false,
    readAt: null,
    attemptedAt: Number.NEGATIVE_INFINITY,
    settledAt: null,
    answerFresh: true,
    failure: null,
    inFlight: null,
  };
}

/**
 * At most one read per interval however many callers ask. While the next read runs, callers get the last answer (a
 * value or a failure) at once (stale-while-revalidate), unless the cache sat idle for two intervals before that read
 * or has nothing yet: then they wait and share the read. Failed reads are rate-limited the same way (a dead node is
 * not hammered) and the last good value is kept, so a page always has something to show with its age.
 */
export async function readShared<T>(
  state: SharedState<T>,
  source: { name: string; describe: (e: unknown) => { reason: string; source?: string } },
  ttlMs: (failing: boolean) => number,
  clock: Clock,
): Promise<Reading<T>> {
  const refresh = async () => {
    state.attemptedAt = clock();
    try {
      state.value = await state.read();
      state.hasValue = true;
      state.readAt = clock();
      state.failure = null;
    } catch (error) {
      const { reason, source: failed = source.name } = source.describe(error);
      const since = state.failure?.source === failed ? state.failure.since : state.attemptedAt;
      state.failure = { source: failed, reason, since };
    } finally {
      state.inFlight = null;
      state.settledAt = clock();
    }
  };

  const now = clock();
  const ttl = ttlMs(state.failure !== null);
  if (!state.inFlight && now - state.attemptedAt >= ttl) {
    // A busy page never waits (a read's answer can take seconds to be heard under load); but a page nobody opened
    // for two intervals waits for the fresh read, so an outage that began meanwhile shows on its first view.
    state.answerFresh = state.settledAt === null || now - state.settledAt >= 2 * ttl;
    state.inFlight = refresh();
  }
  const nothingYet = !state.hasValue && state.failure === null;
  if (state.inFlight && (nothingYet || state.answerFresh)) await state.inFlight;
  return { value: state.value, status: statusOf(state, source.name, clock()) };
}
