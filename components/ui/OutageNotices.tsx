import { formatElapsed } from '@/lib/format/age';
import type { SourceFailure } from '@/lib/health/lastKnown';
import { ConnectionBanner } from './ConnectionBanner';

export interface OutageNotice {
  failure: SourceFailure | null;
  /** What the page shows instead, e.g. "block 1234, read 2 min ago"; null when nothing was ever read. */
  shownFrom: string | null;
}

/** The banners of a server-rendered page, one per source that is down; nothing while every source answers. */
export function OutageNotices({ notices, now, refreshSeconds }: { notices: OutageNotice[]; now: number; refreshSeconds: number }) {
  const down = notices.filter((n): n is { failure: SourceFailure; shownFrom: string | null } => n.failure !== null);
  if (down.length === 0) return null;
  return (
    <div className="mb-6 space-y-2">
      {down.map((n) => (
        <ConnectionBanner key={n.failure.source} failure={n.failure} shownFrom={n.shownFrom} now={now} refreshSeconds={refreshSeconds} />
      ))}
    </div>
  );
}

/** "block 1234, read 2 min ago" for a last-known read. */
export function readFrom(block: bigint | number | string, fetchedAt: number | null, now: number): string {
  return fetchedAt === null ? `block ${block}` : `block ${block}, ${readAgo(fetchedAt, now)}`;
}

/** "read 12 s ago" (or "read 3 min ago") for a last-known read without a block of its own. */
export function readAgo(fetchedAt: number, now: number): string {
  return `read ${formatElapsed(fetchedAt, now)}`;
}
