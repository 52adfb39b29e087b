'use client';

import type { Stress } from './useRiskQuotes';

interface SliderSpec {
  key: keyof Stress;
  label: string;
  min: number;
  max: number;
  step: number;
  text: (v: number) => string;
  help: string;
}

const SLIDERS: SliderSpec[] = [
  {
    key: 'volatilityMultiplier',
    label: 'Volatility multiplier',
    min: 0.5,
    max: 5,
    step: 0.1,
    text: (v) => `${v.toFixed(1)}×`,
    help: 'scales every market’s estimated volatility',
  },
  {
    key: 'correlationStress',
    label: 'Correlation stress',
    min: 0,
    max: 1,
    step: 0.05,
    text: (v) => v.toFixed(2),
    help: 'pulls every correlation towards 1 (0 = as estimated, 1 = all move together)',
  },
  {
    key: 'liquidityDepthMultiplier',
    label: 'Liquidity depth multiplier',
    min: 0.1,
    max: 2,
    step: 0.1,
    text: (v) => `${v.toFixed(1)}×`,
    help: 'scales each market’s depth (below 1: thinner books, more slippage)',
  },
];

/** Native range inputs: arrow keys, Home/End and Page keys work, each with a visible label and a value text. */
export function StressSliders({ stress, onChange }: { stress: Stress; onChange: (next: Stress) => void }) {
  return (
    <fieldset className="grid gap-4 md:grid-cols-3">
      <legend className="sr-only">Stress scenario</legend>
      {SLIDERS.map((s) => {
        const value = stress[s.key];
        const id = `stress-${s.key}`;
        return (
          <div key={s.key} className="space-y-1">
            <div className="flex items-baseline justify-between gap-2">
              <label htmlFor={id} className="text-sm text-slate-300">
                {s.label}
              </label>
              <output htmlFor={id} className="figure text-sm text-slate-100" data-testid={`${id}-value`}>
                {s.text(value)}
              </output>
            </div>
            <input
              id={id}
              type="range"
              min={s.min}
              max={s.max}
              step={s.step}
              value={value}
              aria-valuetext={s.text(value)}
              aria-describedby={`${id}-help`}
              data-testid={id}
              className="w-full accent-emerald-400"
              onChange={(e) => onChange({ ...stress, [s.key]: Number(e.target.value) })}
            />
            <p id={`${id}-help`} className="text-xs text-slate-400">
              {s.help} ({s.text(s.min)}–{s.text(s.max)})
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
