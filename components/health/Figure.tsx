import type { ReactNode } from 'react';

/** A headline figure: label, value with its unit, and a line of context. `raw` exposes the exact integer to tests. */
export function Figure({
  label,
  value,
  testId,
  raw,
  detail,
  accent,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  raw: string;
  detail?: ReactNode;
  accent?: string;
}) {
  return (
    <div className="rounded-xl border border-slate-800 bg-slate-900/60 p-4">
      <dt className="text-xs font-medium uppercase tracking-wider text-slate-400">{label}</dt>
      <dd
        className={`figure mt-2 text-2xl font-semibold ${accent ?? 'text-slate-50'}`}
        data-testid={testId}
        data-raw={raw}
      >
        {value}
      </dd>
      {detail ? <dd className="mt-1 text-xs text-slate-400">{detail}</dd> : null}
    </div>
  );
}
