'use client';

import { FreshnessLine } from '@/components/sources/FreshnessLine';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { usePolledStatus } from '@/components/sources/usePolledStatus';
import { useNow } from '@/components/ui/useNow';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { formatElapsed } from '@/lib/format/age';
import { CHAIN_SOURCE } from '@/lib/sources/names';
import { failureOf, type SourceStatus } from '@/lib/sources/status';
import { CapitalSummary } from './CapitalSummary';
import { TrancheTable } from './TrancheTable';
import { useLiveDashboard } from './useLiveDashboard';
import { SectionBoundary } from '@/components/ui/SectionBoundary';

/** The home page body: server-rendered from the first lens read, then kept live from the browser. */
export function HomeDashboard({
  initialDashboard,
  initialStatus,
  renderedAt,
}: {
  initialDashboard: Dashboard | null;
  /** The server's read of the chain: when the figures were read, and whether they are last-known (node down). */
  initialStatus: SourceStatus;
  renderedAt: number;
}) {
  const query = useLiveDashboard(initialDashboard, initialStatus.readAt ?? renderedAt);
  const now = useNow(renderedAt);
  const dashboard = query.data;
  const serverFailure = failureOf(initialStatus);
  const error = query.error?.message ?? (dashboard ? null : (serverFailure?.reason ?? null));
  const status = usePolledStatus(
    query,
    CHAIN_SOURCE,
    initialStatus,
    dashboard ? `block ${dashboard.blockNumber}, read ${formatElapsed(query.dataUpdatedAt, now)}` : null,
  );

  if (!dashboard) {
    return (
      <section
        className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-6"
        data-testid="dashboard-unavailable"
      >
        <h2 className="font-medium text-amber-200">Live data is not available yet</h2>
        <p className="mt-2 text-slate-300">{error ?? 'Reading the chain…'}</p>
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <SourceNotices sources={[status]} now={renderedAt} />
      <FreshnessLine
        blockNumber={dashboard.blockNumber}
        blockTimestamp={Number(dashboard.timestamp)}
        now={now}
        refresh={{ updatedAt: query.dataUpdatedAt, failing: status.state !== 'ok' }}
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
