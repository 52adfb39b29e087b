'use client';

import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';
import { ChartSkeleton } from '../charts/ChartSkeleton';

// Client-only and split out: recharts loads only when a backtest chart nears the viewport; the skeleton holds its room.
const BacktestChart = dynamic(() => import('./BacktestChart'), { ssr: false, loading: () => <ChartSkeleton /> });

export function LazyBacktestChart({ marketId }: { marketId: number }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  return <div ref={ref}>{inView ? <BacktestChart marketId={marketId} /> : <ChartSkeleton />}</div>;
}
