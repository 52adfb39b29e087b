'use client';

import dynamic from 'next/dynamic';
import type { ChartKind } from '@/lib/health/chartKinds';
import type { HealthRange } from '@/lib/health/range';
import { useInView } from '@/components/ui/useInView';
import { ChartSkeleton } from './charts/ChartSkeleton';

// Client-only and split out (next/dynamic wants its options literal at each call): the headline HTML never waits on recharts, the skeleton holds the space meanwhile.
const CHARTS = {
  solvency: dynamic(() => import('./charts/SolvencyChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
  'share-price': dynamic(() => import('./charts/SharePriceChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
  drawdown: dynamic(() => import('./charts/DrawdownChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
  capital: dynamic(() => import('./charts/CapitalChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
  premiums: dynamic(() => import('./charts/PremiumsChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
  exposure: dynamic(() => import('./charts/ExposureChart'), { ssr: false, loading: () => <ChartSkeleton /> }),
} satisfies Record<ChartKind, unknown>;

/** A chart is fetched and drawn only when it nears the viewport: the first screen stays light (docs/performance.md). */
export function LazyChart({ kind, range }: { kind: ChartKind; range: HealthRange }) {
  const Chart = CHARTS[kind];
  const { ref, inView } = useInView<HTMLDivElement>();
  return <div ref={ref}>{inView ? <Chart range={range} /> : <ChartSkeleton />}</div>;
}
