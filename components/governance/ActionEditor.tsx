'use client';

import { formatField, inputUnitOf } from '@/lib/governance/fields';
import type { ChainParams } from '@/lib/governance/chainParams';
import type { ParsedInputs } from '@/lib/governance/encode';
import type { Template } from '@/lib/governance/templates';

/** One action of a new proposal: typed inputs for its template's fields, each with current → proposed and its error. */
export function ActionEditor({
  index,
  template,
  params,
  texts,
  parsed,
  showErrors,
  onChange,
  onRemove,
}: {
  index: number;
  template: Template;
  params: ChainParams;
  texts: string[];
  parsed: ParsedInputs;
  showErrors: boolean;
  onChange: (texts: string[]) => void;
  onRemove: () => void;
}) {
  const current = template.current(params);
  return (
    <li
      className="space-y-3 rounded-lg border border-slate-800 p-4"
      data-testid={`action-${index}`}
      data-template={template.id}
    >
      <div className="flex items-center justify-between">
        <span className="font-medium text-slate-100">{template.label}</span>
        <button
          type="button"
          className="text-sm text-slate-400 hover:text-rose-300"
          onClick={onRemove}
          data-testid={`action-${index}-remove`}
        >
          Remove
        </button>
      </div>
      {template.fields.length === 0 ? (
        <p className="text-sm text-slate-400">No value to set: the action is the call itself (see the summary).</p>
      ) : null}
      {template.fields.map((spec, f) => {
        const id = `action-${index}-field-${f}`;
        const now = current[f] ?? null;
        const value = parsed.ok ? parsed.values[f] : undefined;
        const error = parsed.ok ? null : (parsed.errors[f] ?? null);
        return (
          <div key={spec.name} className="space-y-1">
            <label htmlFor={id} className="block text-sm text-slate-300">
              {spec.label} ({inputUnitOf(spec.type)})
            </label>
            <input
              id={id}
              data-testid={id}
              className="w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 font-mono text-sm text-slate-100"
              value={texts[f] ?? ''}
              inputMode={spec.type.kind === 'address' || spec.type.kind === 'name' ? 'text' : 'decimal'}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={showErrors && error !== null}
              onChange={(e) => onChange(texts.map((t, j) => (j === f ? e.target.value : t)))}
            />
            <p className="text-xs text-slate-400" data-testid={`${id}-summary`}>
              Current:{' '}
              <span className="figure text-slate-300">{now === null ? 'unknown' : formatField(spec.type, now)}</span>
              {value !== undefined ? (
                <>
                  {' '}
                  → proposed: <span className="figure text-amber-200">{formatField(spec.type, value)}</span>
                </>
              ) : null}
            </p>
            {error && (showErrors || (texts[f] ?? '') !== '') ? (
              <p role="alert" className="text-sm text-rose-300" data-testid={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </li>
  );
}
