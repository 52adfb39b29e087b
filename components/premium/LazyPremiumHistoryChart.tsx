'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/health/charts/ChartSkeleton';
import { useInView } from '@/components/ui/useInView';
import type { PremiumHistoryPoint } from '@/lib/premium/premiumHistory';

const Chart = dynamic(() => import('./PremiumHistoryChart'), { ssr: false, loading: () => <ChartSkeleton /> });

/** recharts loads only when the chart nears the viewport; the skeleton holds its room until then. */
export function LazyPremiumHistoryChart(props: { points: PremiumHistoryPoint[]; trancheIds: number[] }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  return <div ref={ref}>{inView ? <Chart {...props} /> : <ChartSkeleton />}</div>;
}
