'use client';

import dynamic from 'next/dynamic';

// Client-only and split out: the panel, the risk engine and recharts arrive after first paint; the worker later still.
const StressPanel = dynamic(() => import('./StressPanel'), {
  ssr: false,
  // Holds about the panel's own height at each layout width (measured), so the history below does not jump.
  loading: () => (
    <div className="min-h-[1500px] md:min-h-[980px] lg:min-h-[680px]" data-testid="stress-panel-loading">
      <p className="text-sm text-slate-400">Loading the risk model…</p>
    </div>
  ),
});

/** /health's stress test section; the frame is server HTML, the panel loads after first paint. */
export function LazyStressPanel() {
  return <StressPanel />;
}
