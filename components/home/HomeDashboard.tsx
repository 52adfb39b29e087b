'use client';

import { useNow } from '@/components/ui/useNow';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { CapitalSummary } from './CapitalSummary';
import { Freshness } from './Freshness';
import { TrancheTable } from './TrancheTable';
import { useLiveDashboard } from './useLiveDashboard';

/** The home page body: server-rendered from the first lens read, then kept live from the browser. */
export function HomeDashboard({
  initialDashboard,
  initialError,
  renderedAt,
}: {
  initialDashboard: Dashboard | null;
  initialError: string | null;
  renderedAt: number;
}) {
  const query = useLiveDashboard(initialDashboard, renderedAt);
  const now = useNow(renderedAt);
  const dashboard = query.data;
  const error = query.error?.message ?? (dashboard ? null : initialError);

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
      <Freshness
        blockNumber={dashboard.blockNumber}
        blockTimestamp={dashboard.timestamp}
        updatedAt={query.dataUpdatedAt}
        now={now}
        refreshError={error}
      />
      <CapitalSummary module={dashboard.module} />
      <TrancheTable module={dashboard.module} tranches={dashboard.tranches} />
    </div>
  );
}
