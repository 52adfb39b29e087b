import { LazyStressPanel } from './LazyStressPanel';

/** The frame of /health's stress test (server HTML); the interactive panel inside loads after first paint. */
export function StressSection() {
  return (
    <section
      aria-labelledby="stress-test"
      className="rounded-xl border border-slate-800 bg-slate-900/40 p-4"
      data-testid="stress-section"
    >
      <h2 id="stress-test" className="text-lg font-semibold text-slate-100">
        Stress test · model risk
      </h2>
      <p className="mb-4 max-w-3xl text-sm text-slate-400">
        What the clearinghouse could lose over one liquidation horizon (1 h) if every position sat at its maintenance
        margin: conservative upper bounds from the client-side risk model (docs/risk-model.md). The analytic figures are
        instant; the Monte Carlo refines them in a background worker.
      </p>
      <LazyStressPanel />
    </section>
  );
}
