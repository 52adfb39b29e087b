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

/** Takes the chart's space when its data could not be read, saying why. */
export function ChartUnavailable({ reason }: { reason: string }) {
  return (
    <div
      className="flex items-center justify-center rounded-lg border border-amber-900/50 text-sm text-amber-200"
      style={{ height: CHART_HEIGHT }}
    >
      Chart data unavailable: {reason}
    </div>
  );
}
