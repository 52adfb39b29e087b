import type { ReactNode } from 'react';

/** A labelled headline figure. `testId` and `raw` let tests read the exact on-chain integer behind the text. */
export function Stat({
  label,
  value,
  testId,
  raw,
  detail,
  tone = 'neutral',
}: {
  label: string;
  value: ReactNode;
  testId: string;
  raw: bigint;
  detail?: ReactNode;
  tone?: 'neutral' | 'good' | 'bad';
}) {
  const toneClass = tone === 'good' ? 'text-emerald-300' : tone === 'bad' ? 'text-rose-300' : 'text-slate-50';
  return (
    <div className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
      <dt className="text-sm text-slate-400">{label}</dt>
      <dd className={`figure mt-2 text-2xl font-semibold ${toneClass}`} data-testid={testId} data-raw={raw.toString()}>
        {value}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-slate-400">{detail}</dd> : null}
    </div>
  );
}
