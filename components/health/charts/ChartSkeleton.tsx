import { CHART_HEIGHT } from '@/lib/health/chartKinds';

/** Holds the chart's space while its code and data load, so nothing below moves. */
export function ChartSkeleton() {
  return (
    <div
      aria-hidden
      className="animate-pulse rounded-lg bg-gradient-to-b from-slate-800/40 to-slate-900/20"
      style={{ height: CHART_HEIGHT }}
    />
  );
}
