import { ConnectionBanner } from '@/components/ui/ConnectionBanner';

/** /health's banner: the shared one, re-rendering the page every refresh interval until the source is back. */
export function StaleBanner({
  source,
  failure,
  shownFrom,
  now,
  refreshSeconds,
}: {
  source: string;
  failure: { message: string; since: number };
  /** e.g. "block 1234, 3 min old", or null when nothing was ever read. */
  shownFrom: string | null;
  now: number;
  refreshSeconds: number;
}) {
  return <ConnectionBanner failure={{ source, ...failure }} shownFrom={shownFrom} now={now} refreshSeconds={refreshSeconds} />;
}
