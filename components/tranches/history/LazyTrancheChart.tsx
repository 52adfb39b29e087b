'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/health/charts/ChartSkeleton';
import { useInView } from '@/components/ui/useInView';
import type { HealthRange } from '@/lib/health/range';
import type { TrancheSeriesKind } from './TrancheSeriesChart';

// Client-only and split out, as on /health (components/health/LazyChart.tsx): recharts loads only near the viewport.
const Chart = dynamic(() => import('./TrancheSeriesChart'), { ssr: false, loading: () => <ChartSkeleton /> });

export function LazyTrancheChart({ id, range, kind }: { id: number; range: HealthRange; kind: TrancheSeriesKind }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  return <div ref={ref}>{inView ? <Chart id={id} range={range} kind={kind} /> : <ChartSkeleton />}</div>;
}
