'use client';

import { useNow } from '@/components/ui/useNow';
import { useRefreshEvery } from '@/components/ui/useRefreshEvery';
import { formatElapsed } from '@/lib/format/age';
import type { FailingStatus } from '@/lib/sources/status';
import { formatUtcSeconds } from '@/lib/format/localTime';

/**
 * A source that is down, said plainly: which one, since when, and what the page shows meanwhile. The age ticks in
 * the browser; with `refreshSeconds` (server-rendered pages) the page re-renders itself on that interval while the
 * banner is up, so it recovers without a reload. A part of SourceNotices, not used on its own.
 */
export function OutageBanner({
  status,
  now,
  refreshSeconds,
}: {
  status: FailingStatus;
  now: number;
  refreshSeconds?: number;
}) {
  const tick = useNow(now);
  useRefreshEvery(refreshSeconds);

  const since = formatUtcSeconds(Math.floor(status.since / 1000));
  const shown = status.shows
    ? `showing the last data read, from ${status.shows}`
    : 'and no earlier data is available yet';
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-800/70 bg-amber-950/30 px-4 py-3 text-sm"
      data-testid="stale-banner"
      data-source={status.source}
      data-since={status.since}
    >
      <p className="font-medium text-amber-200">
        {`${status.source} unreachable since ${since} (${formatElapsed(status.since, tick)}), ${shown}.`}
      </p>
      <p className="mt-1 text-amber-100/70">
        {/retries/.test(status.reason) ? status.reason : `${status.reason} The page retries by itself.`}
      </p>
    </div>
  );
}
