'use client';

import type { ReactNode } from 'react';
import { CHART_HEIGHT } from '@/lib/health/chartKinds';
import type { HealthRange } from '@/lib/health/range';
import type { SeriesPayload } from '@/lib/health/seriesPayload';
import { ChartSkeleton, ChartUnavailable } from './ChartSkeleton';
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
    return <ChartUnavailable reason={query.error.message} />;
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
