'use client';

export type AmountUnit = 'assets' | 'shares';

/** Whether an amount field is read in the asset (tUSD) or in the tranche's shares. */
export function UnitToggle({
  unit,
  onChange,
  assetSymbol,
  shareSymbol,
  testId,
}: {
  unit: AmountUnit;
  onChange: (unit: AmountUnit) => void;
  assetSymbol: string;
  shareSymbol: string;
  testId: string;
}) {
  const options: { unit: AmountUnit; label: string }[] = [
    { unit: 'assets', label: assetSymbol },
    { unit: 'shares', label: `${shareSymbol} shares` },
  ];
  return (
    <div
      role="radiogroup"
      aria-label="Amount in"
      className="inline-flex rounded-lg border border-slate-700 p-0.5 text-sm"
    >
      {options.map((option) => (
        <button
          key={option.unit}
          type="button"
          role="radio"
          aria-checked={unit === option.unit}
          data-testid={`${testId}-${option.unit}`}
          onClick={() => onChange(option.unit)}
          className={`rounded-md px-2.5 py-1 ${unit === option.unit ? 'bg-slate-700 text-slate-50' : 'text-slate-400 hover:text-slate-100'}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
