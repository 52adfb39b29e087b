import type { ReactNode } from 'react';

/**
 * The header's "Test account" select, as markup only: the live select and the home page's loading placeholder
 * share it, so both take the same room. Its width is fixed because an option's text width varies with its digits.
 * Below `sm` the label is for screen readers only, so the select fits beside the theme switch on a phone.
 */
export function DevAccountPicker({
  value,
  onChange,
  disabled = false,
  children,
}: {
  value: number;
  onChange?: (index: number) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-400">
      <span className="sr-only sm:not-sr-only">Test account</span>
      <select
        data-testid="dev-account-select"
        className="w-40 rounded-md border border-slate-700 bg-slate-900 px-2 py-1.5 text-slate-100 disabled:opacity-60"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange?.(Number(event.target.value))}
      >
        {children}
      </select>
    </label>
  );
}
