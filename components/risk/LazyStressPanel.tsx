'use client';

import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';

/**
 * About the panel's own height at each layout width (measured). The panel's area keeps it while the code loads and
 * while the panel waits for its inputs, so the history below neither jumps nor slides up into view (which would
 * start its charts loading in the first screen).
 */
const PANEL_HEIGHT = 'min-h-[1500px] md:min-h-[980px] lg:min-h-[680px]';

function Placeholder() {
  return (
    <div data-testid="stress-panel-loading">
      <p className="text-sm text-slate-400">Loading the risk model…</p>
    </div>
  );
}

// Client-only and split out: the panel and the risk engine arrive after first paint, the worker and recharts later.
const StressPanel = dynamic(() => import('./StressPanel'), { ssr: false, loading: Placeholder });

/**
 * /health's stress test section; the frame is server HTML. The panel (the risk engine, a Monte Carlo worker, and
 * recharts with its histogram) loads only once the section nears the viewport: reading the headline figures costs
 * none of it.
 */
export function LazyStressPanel() {
  const { ref, inView } = useInView<HTMLDivElement>('100px');
  return (
    <div ref={ref} className={PANEL_HEIGHT}>
      {inView ? <StressPanel /> : <Placeholder />}
    </div>
  );
}
