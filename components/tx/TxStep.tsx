import type { ReactNode } from 'react';

export type StepState = 'waiting' | 'ready' | 'working' | 'done' | 'failed';

const BADGE: Record<StepState, { text: string; className: string }> = {
  waiting: { text: 'waiting', className: 'border-slate-700 text-slate-400' },
  ready: { text: 'to do', className: 'border-amber-500/60 text-amber-200' },
  working: { text: 'in progress', className: 'border-amber-400 text-amber-200' },
  done: { text: 'done', className: 'border-emerald-500/60 text-emerald-300' },
  failed: { text: 'failed', className: 'border-rose-500/60 text-rose-300' },
};

/** One numbered step of a multi-step flow (approve → deposit, sign → deposit), with its own state. */
export function TxStep({
  number,
  title,
  state,
  testId,
  children,
}: {
  number: number;
  title: string;
  state: StepState;
  testId: string;
  children?: ReactNode;
}) {
  const badge = BADGE[state];
  return (
    <li className="rounded-lg border border-slate-800 p-3" data-testid={testId} data-state={state}>
      <div className="flex items-center gap-3">
        <span className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-800 text-sm text-slate-200">
          {number}
        </span>
        <span className="font-medium text-slate-100">{title}</span>
        <span className={`ml-auto rounded-full border px-2 py-0.5 text-xs ${badge.className}`}>{badge.text}</span>
      </div>
      {children ? <div className="mt-3">{children}</div> : null}
    </li>
  );
}

/** A flow's status as a step state. */
export function stepStateOf(status: string, done: boolean): StepState {
  if (done) return 'done';
  if (status === 'simulating' || status === 'wallet' || status === 'pending') return 'working';
  if (status === 'failed') return 'failed';
  return 'ready';
}
