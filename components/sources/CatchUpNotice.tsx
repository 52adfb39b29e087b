'use client';

import { useRefreshEvery } from '@/components/ui/useRefreshEvery';
import type { CatchUp } from '@/lib/indexer/progress';

/**
 * Said while the indexer is still reading the chain's history (after a first start or a rebuilt database): what it
 * has read so far, and what the page lacks meanwhile. The page re-renders itself until it has caught up. A part of
 * SourceNotices.
 */
export function CatchUpNotice({
  catchUp,
  lacks,
  refreshSeconds,
}: {
  catchUp: CatchUp;
  lacks: string;
  refreshSeconds: number;
}) {
  useRefreshEvery(refreshSeconds);
  return (
    <div
      role="status"
      className="rounded-lg border border-sky-800/70 bg-sky-950/30 px-4 py-3 text-sm"
      data-testid="indexer-catching-up"
    >
      <p className="font-medium text-sky-200">
        {catchUp.indexedBlock === 0n
          ? `History indexer catching up: it is starting to read the chain, up to block ${catchUp.chainBlock} (0 %).`
          : `History indexer catching up: it has read the chain to block ${catchUp.indexedBlock} of ${catchUp.chainBlock} (${catchUp.percent} %).`}
      </p>
      <p className="mt-1 text-slate-300">{`${lacks} The page refreshes by itself every ${refreshSeconds} s.`}</p>
    </div>
  );
}
