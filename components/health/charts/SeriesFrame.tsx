'use client';

import type { ReactNode } from 'react';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';
import type { HealthRange } from '@/lib/health/range';
import type { SeriesPayload } from '@/lib/health/seriesPayload';
import { ChartSkeleton } from './ChartSkeleton';
import { useHealthSeries } from './useHealthSeries';

/** Fetches the shared series and hands it to a chart; `points` is exposed as data-points for tests. */
export function SeriesFrame({
  range,
  points,
  children,
}: {
  range: HealthRange;
  points: (data: SeriesPayload) => number;
  children: (data: SeriesPayload) => ReactNode;
}) {
  const query = useHealthSeries(range);
  if (query.error) {
    return (
      <div
        className="flex items-center justify-center rounded-lg border border-amber-900/50 text-sm text-amber-200"
        style={{ height: CHART_HEIGHT }}
      >
        Chart data unavailable: {query.error.message}
      </div>
    );
  }
  if (!query.data) return <ChartSkeleton />;
  return (
    <div
      data-points={points(query.data)}
      data-from={query.data.from}
      data-testid="chart-rendered"
      style={{ height: CHART_HEIGHT }}
    >
      {children(query.data)}
    </div>
  );
}
