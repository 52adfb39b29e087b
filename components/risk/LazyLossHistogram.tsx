'use client';

import dynamic from 'next/dynamic';
import type { Histogram } from '@/lib/risk';
import { useInView } from '@/components/ui/useInView';

function Waiting({ text }: { text: string }) {
  return (
    <div className="flex h-[260px] items-center justify-center rounded-lg border border-slate-800 text-sm text-slate-400">
      {text}
    </div>
  );
}

// recharts is most of the stress panel's weight: it loads only when the histogram itself comes into view, so a
// visitor whose first screen shows the panel's figures does not pay for the chart below them.
const LossHistogram = dynamic(() => import('./LossHistogram').then((m) => m.LossHistogram), {
  ssr: false,
  loading: () => <Waiting text="Drawing the histogram…" />,
});

/** The Monte Carlo histogram's place in the stress panel: a placeholder of its height until it is simulated and seen. */
export function LazyLossHistogram({
  histogram,
  scenarios,
  pendingScenarios,
  symbol,
}: {
  histogram: Histogram | null;
  scenarios: number;
  /** Scenarios of the run in progress, for the placeholder's text. */
  pendingScenarios: number;
  symbol: string;
}) {
  const { ref, inView } = useInView<HTMLDivElement>('0px');
  return (
    <div ref={ref} data-testid="loss-histogram-slot">
      {histogram && inView ? (
        <LossHistogram histogram={histogram} scenarios={scenarios} symbol={symbol} />
      ) : (
        <Waiting
          text={
            histogram ? 'Drawing the histogram…' : `Simulating ${pendingScenarios.toLocaleString('en-US')} scenarios…`
          }
        />
      )}
    </div>
  );
}
