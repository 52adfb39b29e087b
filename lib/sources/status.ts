import type { CatchUp } from '@/lib/indexer/progress';

/** What every status says: which upstream, and when its value in hand was read (ms since epoch; null: never). */
interface StatusBase {
  source: string;
  readAt: number | null;
  /** What the page shows from this source while it is down, in words ("block 1234, read 2 min ago"). */
  shows?: string | null;
  /** Set while the source answers but its history is still being built: what the page lacks meanwhile. */
  incomplete?: { catchUp: CatchUp; lacks: string } | null;
}

/**
 * One source's state for a page: ok (its last read succeeded), stale (the last read failed, an older value is shown),
 * or down (the last read failed and nothing was ever read). `since` is the first failure of the current streak.
 */
export type SourceStatus =
  | (StatusBase & { state: 'ok' })
  | (StatusBase & { state: 'stale'; reason: string; since: number; ageMs: number })
  | (StatusBase & { state: 'down'; reason: string; since: number });

export type FailingStatus = Extract<SourceStatus, { state: 'stale' | 'down' }>;

/** A source's value (null if none was ever read) and its status. */
export interface Reading<T> {
  value: T | null;
  status: SourceStatus;
}

/** The failure a status carries, or null while the source answers. */
export function failureOf(status: SourceStatus): FailingStatus | null {
  return status.state === 'ok' ? null : status;
}

/** Derives the status from what a policy holds: the transitions ok → stale/down → ok live here only. */
export function statusOf(
  held: { hasValue: boolean; readAt: number | null; failure: { source: string; reason: string; since: number } | null },
  source: string,
  now: number,
): SourceStatus {
  const { failure, readAt } = held;
  if (!failure) return { source, state: 'ok', readAt };
  if (held.hasValue && readAt !== null) {
    return {
      source: failure.source,
      state: 'stale',
      readAt,
      reason: failure.reason,
      since: failure.since,
      ageMs: Math.max(0, now - readAt),
    };
  }
  return { source: failure.source, state: 'down', readAt: null, reason: failure.reason, since: failure.since };
}

/** The status with what the page shows meanwhile (and what it lacks while the history is rebuilt), for SourceNotices. */
export function describedStatus(
  status: SourceStatus,
  shows: string | null,
  incomplete: StatusBase['incomplete'] = null,
): SourceStatus {
  return { ...status, shows, incomplete: status.state === 'ok' ? incomplete : null };
}
