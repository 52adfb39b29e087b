'use client';

import type { CatchUp } from '@/lib/indexer/progress';
import { useRefreshEvery } from './useRefreshEvery';

/**
 * Said while the indexer is still reading the chain's history (after a first start or a rebuilt database): what it
 * has read so far, and that what comes from it is incomplete. The page re-renders itself until it has caught up.
 */
export function IndexerCatchUpNotice({
  catchUp,
  shows,
  refreshSeconds,
  className = '',
}: {
  catchUp: CatchUp;
  shows: string;
  refreshSeconds: number;
  /** Spacing from the page around it. */
  className?: string;
}) {
  useRefreshEvery(refreshSeconds);
  return (
    <div role="status" className={`${className} rounded-lg border border-sky-800/70 bg-sky-950/30 px-4 py-3 text-sm`} data-testid="indexer-catching-up">
      <p className="font-medium text-sky-200">
        {catchUp.indexedBlock === 0n
          ? `History indexer catching up: it is starting to read the chain, up to block ${catchUp.chainBlock} (0 %).`
          : `History indexer catching up: it has read the chain to block ${catchUp.indexedBlock} of ${catchUp.chainBlock} (${catchUp.percent} %).`}
      </p>
      <p className="mt-1 text-slate-300">{`${shows} The page refreshes by itself every ${refreshSeconds} s.`}</p>
    </div>
  );
}
