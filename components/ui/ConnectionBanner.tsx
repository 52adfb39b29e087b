'use client';

import { formatElapsed } from '@/lib/format/age';
import type { SourceFailure } from '@/lib/health/lastKnown';
import { useNow } from './useNow';
import { useRefreshEvery } from './useRefreshEvery';

/**
 * Said plainly on every page when a source is down: which one, since when, and what the page shows meanwhile.
 * Server-rendered pages pass `refreshSeconds`: while the banner is up the page re-renders itself on that interval,
 * so it recovers without a reload; client-polling pages recover through their own queries.
 */
export function ConnectionBanner({
  failure,
  shownFrom,
  now,
  refreshSeconds,
}: {
  failure: SourceFailure;
  /** e.g. "block 1234, 3 min old"; null when nothing was ever read. */
  shownFrom: string | null;
  /** ms since epoch at render; the age then ticks in the browser. */
  now: number;
  refreshSeconds?: number;
}) {
  const tick = useNow(now);
  useRefreshEvery(refreshSeconds);

  const since = new Date(failure.since).toISOString().replace('T', ' ').slice(0, 19);
  const shown = shownFrom ? `showing the last data read, from ${shownFrom}` : 'and no earlier data is available yet';
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-800/70 bg-amber-950/30 px-4 py-3 text-sm"
      data-testid="stale-banner"
      data-source={failure.source}
      data-since={failure.since}
    >
      <p className="font-medium text-amber-200">
        {`${failure.source} unreachable since ${since} UTC (${formatElapsed(failure.since, tick)}), ${shown}.`}
      </p>
      <p className="mt-1 text-amber-100/70">{/retries/.test(failure.message) ? failure.message : `${failure.message} The page retries by itself.`}</p>
    </div>
  );
}
