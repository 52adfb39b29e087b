'use client';

import dynamic from 'next/dynamic';

// Client-only and split out: the panel, the risk engine and recharts arrive after first paint; the worker later still.
const StressPanel = dynamic(() => import('./StressPanel'), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500" data-testid="stress-panel-loading">Loading the risk model…</p>,
});

/** /health's stress test section; the frame is server HTML, the panel loads after first paint. */
export function LazyStressPanel() {
  return <StressPanel />;
}
