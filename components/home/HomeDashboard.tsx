'use client';

import { ConnectionBanner } from '@/components/ui/ConnectionBanner';
import { usePolledFailure } from '@/components/ui/usePolledFailure';
import { useNow } from '@/components/ui/useNow';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { SourceFailure } from '@/lib/health/lastKnown';
import { CHAIN_SOURCE } from '@/lib/health/sources';
import { formatElapsed } from '@/lib/format/age';
import { CapitalSummary } from './CapitalSummary';
import { Freshness } from './Freshness';
import { TrancheTable } from './TrancheTable';
import { useLiveDashboard } from './useLiveDashboard';
import { SectionBoundary } from '@/components/ui/SectionBoundary';

/** The home page body: server-rendered from the first lens read, then kept live from the browser. */
export function HomeDashboard({
  initialDashboard,
  initialError,
  initialFailure = null,
  fetchedAt = null,
  renderedAt,
}: {
  initialDashboard: Dashboard | null;
  initialError: string | null;
  /** Set when the server rendered last-known figures because the node was down. */
  initialFailure?: SourceFailure | null;
  /** When the server's figures were read (older than renderedAt when they are last-known). */
  fetchedAt?: number | null;
  renderedAt: number;
}) {
  const query = useLiveDashboard(initialDashboard, fetchedAt ?? renderedAt);
  const now = useNow(renderedAt);
  const dashboard = query.data;
  const error = query.error?.message ?? (dashboard ? null : initialError);
  const failure = usePolledFailure(query, CHAIN_SOURCE, initialFailure);

  if (!dashboard) {
    return (
      <section className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-6" data-testid="dashboard-unavailable">
        <h2 className="font-medium text-amber-200">Live data is not available yet</h2>
        <p className="mt-2 text-slate-300">{error ?? 'Reading the chain…'}</p>
      </section>
    );
  }

  return (
    <div className="space-y-6">
      {failure ? (
        <ConnectionBanner failure={failure} now={renderedAt} shownFrom={`block ${dashboard.blockNumber}, read ${formatElapsed(query.dataUpdatedAt, now)}`} />
      ) : null}
      <Freshness
        blockNumber={dashboard.blockNumber}
        blockTimestamp={dashboard.timestamp}
        updatedAt={query.dataUpdatedAt}
        now={now}
        refreshError={failure ? failure.message : null}
      />
      <SectionBoundary name="Capital summary">
        <CapitalSummary module={dashboard.module} />
      </SectionBoundary>
      <SectionBoundary name="The tranche table">
        <TrancheTable module={dashboard.module} tranches={dashboard.tranches} />
      </SectionBoundary>
    </div>
  );
}
