'use client';

export type DepositMode = 'permit' | 'approve';

const OPTIONS: { mode: DepositMode; label: string }[] = [
  { mode: 'permit', label: 'Sign permit (1 tx)' },
  { mode: 'approve', label: 'Approve exact amount (2 tx)' },
];

export function DepositModeToggle({ mode, onChange }: { mode: DepositMode; onChange: (mode: DepositMode) => void }) {
  return (
    <div
      role="radiogroup"
      aria-label="How to authorise the deposit"
      className="inline-flex rounded-lg border border-slate-700 p-0.5"
    >
      {OPTIONS.map((option) => (
        <button
          key={option.mode}
          type="button"
          role="radio"
          aria-checked={mode === option.mode}
          data-testid={`deposit-mode-${option.mode}`}
          onClick={() => onChange(option.mode)}
          className={`rounded-md px-3 py-1.5 text-sm ${mode === option.mode ? 'bg-amber-500 text-ink' : 'text-slate-300 hover:text-slate-100'}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
