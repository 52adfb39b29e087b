import type { ReactNode } from 'react';

export type RealisedAprSummary = { ok: true; apr: number; from: number; to: number } | { ok: false; reason: string };

/** The quote card's frame: the same box, heading and test hooks whether the model has loaded or not. */
export function TrancheQuoteFrame({ source, children }: { source: 'analytic' | 'monte-carlo'; children: ReactNode }) {
  return (
    <section
      className="rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="quote-title"
      data-testid="tranche-quote"
      data-source={source}
    >
      <h2 id="quote-title" className="text-lg font-semibold text-slate-100">
        Risk quote
      </h2>
      {children}
    </section>
  );
}

export function QuoteWaiting({ children }: { children: ReactNode }) {
  return (
    <p className="mt-2 text-sm text-slate-400" data-testid="tranche-quote-waiting">
      {children}
    </p>
  );
}
