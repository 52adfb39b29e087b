import { formatAge } from '@/lib/format/age';

/** Said plainly when a source is down: since when, and how old the figures on screen are. */
export function StaleBanner({
  source,
  failure,
  shownFrom,
  now,
}: {
  source: string;
  failure: { message: string; since: number };
  /** e.g. "block 1234, 3 min old", or null when nothing was ever read. */
  shownFrom: string | null;
  now: number;
}) {
  return (
    <div role="alert" className="rounded-lg border border-amber-800/70 bg-amber-950/30 px-4 py-3 text-sm" data-testid="stale-banner">
      <p className="font-medium text-amber-200">
        {source} unreachable since {new Date(failure.since).toISOString().replace('T', ' ').slice(0, 19)} UTC (
        {formatAge((now - failure.since) / 1000)})
        {shownFrom ? `, showing data from ${shownFrom}.` : ', and no earlier data is available yet.'}
      </p>
      <p className="mt-1 text-amber-100/70">{failure.message}</p>
    </div>
  );
}
