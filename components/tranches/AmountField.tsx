'use client';

import type { ReactNode } from 'react';

/** A text amount input (never type="number": browsers silently accept and reshape "1e3") with Max and a field error. */
export function AmountField({
  id,
  label,
  unit,
  value,
  onChange,
  onMax,
  error,
  hint,
}: {
  id: string;
  label: string;
  unit: ReactNode;
  value: string;
  onChange: (text: string) => void;
  onMax?: () => void;
  error: string | null;
  hint?: ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-slate-300">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          data-testid={id}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder="0.00"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`figure w-full rounded-lg border bg-slate-950 px-3 py-2 text-lg text-slate-50 focus:border-amber-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-400 ${
            error ? 'border-rose-500' : 'border-slate-700'
          }`}
        />
        <span className="shrink-0 text-sm text-slate-400">{unit}</span>
        {onMax ? (
          <button
            type="button"
            onClick={onMax}
            data-testid={`${id}-max`}
            className="shrink-0 rounded-md border border-slate-700 px-2 py-1 text-sm text-slate-200 hover:border-amber-400"
          >
            Max
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-rose-300" data-testid={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? <div className="text-sm text-slate-400">{hint}</div> : null}
    </div>
  );
}
