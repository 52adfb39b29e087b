const COLORS: Record<string, string> = {
  pending: 'border-slate-600 text-slate-300',
  active: 'border-sky-500/60 text-sky-300',
  canceled: 'border-slate-700 text-slate-400',
  defeated: 'border-rose-500/60 text-rose-300',
  succeeded: 'border-emerald-500/60 text-emerald-300',
  queued: 'border-amber-500/60 text-amber-200',
  expired: 'border-slate-700 text-slate-400',
  executed: 'border-emerald-700 text-emerald-300',
};

/** A proposal's state as a small pill. */
export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  return (
    <span
      className={`rounded-full border px-2 py-0.5 text-xs ${COLORS[state] ?? 'border-slate-700 text-slate-400'}`}
      data-testid={testId}
      data-state={state}
    >
      {state}
    </span>
  );
}
