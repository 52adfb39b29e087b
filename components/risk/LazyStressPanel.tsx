'use client';

import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';

/** Holds about the panel's own height at each layout width (measured), so the history below does not jump. */
function Placeholder() {
  return (
    <div className="min-h-[1500px] md:min-h-[980px] lg:min-h-[680px]" data-testid="stress-panel-loading">
      <p className="text-sm text-slate-400">Loading the risk model…</p>
    </div>
  );
}

// Client-only and split out: the panel, the risk engine and recharts arrive after first paint; the worker later still.
const StressPanel = dynamic(() => import('./StressPanel'), { ssr: false, loading: Placeholder });

/**
 * /health's stress test section; the frame is server HTML. The panel (recharts, the risk engine, a Monte Carlo worker)
 * loads only once the section nears the viewport, so a visitor who reads the headline figures does not pay for it.
 */
export function LazyStressPanel() {
  const { ref, inView } = useInView<HTMLDivElement>('100px');
  return <div ref={ref}>{inView ? <StressPanel /> : <Placeholder />}</div>;
}
