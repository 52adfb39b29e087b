import { failureOf, type FailingStatus, type SourceStatus } from '@/lib/sources/status';
import { CatchUpNotice } from './CatchUpNotice';
import { OutageBanner } from './OutageBanner';
import { WaitingNotice } from './WaitingNotice';

/**
 * What a page says about its sources: a banner per source that is down (with what the page shows meanwhile), a
 * notice per source whose history is still being rebuilt, and, where a source has nothing to show yet, why. Nothing
 * while every source answers in full. No hooks and no wallet code, so server pages (/health) and client components
 * alike render it; its parts tick and re-render the page in the browser.
 */
export function SourceNotices({
  sources,
  now,
  refreshSeconds,
  waiting = null,
  className = '',
}: {
  sources: SourceStatus[];
  /** ms since epoch at render; ages then tick in the browser. */
  now: number;
  /** For server-rendered pages: re-render every so many seconds while a notice is up. Client pages poll on their own. */
  refreshSeconds?: number;
  /** Said in place of the page's content when a source has nothing for it yet; then that failure is said there, not in a banner. */
  waiting?: string | null;
  className?: string;
}) {
  const down = waiting === null ? sources.map(failureOf).filter((s): s is FailingStatus => s !== null) : [];
  const incomplete = sources.flatMap((s) => (s.state === 'ok' && s.incomplete ? [s.incomplete] : []));
  if (down.length === 0 && incomplete.length === 0 && waiting === null) return null;
  return (
    <div className={className ? `space-y-2 ${className}` : 'space-y-2'}>
      {down.map((status) => (
        <OutageBanner key={status.source} status={status} now={now} refreshSeconds={refreshSeconds} />
      ))}
      {incomplete.map(({ catchUp, lacks }) => (
        <CatchUpNotice key={lacks} catchUp={catchUp} lacks={lacks} refreshSeconds={refreshSeconds ?? 0} />
      ))}
      {waiting !== null ? <WaitingNotice message={waiting} /> : null}
    </div>
  );
}
