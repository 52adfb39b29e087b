import type { ReactNode } from 'react';
import type { ChartKind } from '@/lib/health/chartKinds';
import type { HealthRange } from '@/lib/health/range';

/** A chart's frame: title with units, CSV download (a plain link: works without JS), the chart, its data table. */
export function ChartCard({
  kind,
  title,
  units,
  range,
  children,
  table,
}: {
  kind: ChartKind;
  title: string;
  units: string;
  range: HealthRange;
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <section className="rounded-xl border border-slate-800 bg-slate-900/40 p-4" aria-label={title} data-testid={`chart-${kind}`}>
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h3 className="font-medium text-slate-100">{title}</h3>
          <p className="text-xs text-slate-400">{units}</p>
        </div>
        <a
          href={`/api/health/csv/${kind}?range=${range}`}
          download
          className="rounded-md border border-slate-700 px-2 py-1 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100"
          data-testid={`csv-${kind}`}
        >
          Download CSV<span className="sr-only"> of {title}</span>
        </a>
      </header>
      {children}
      {table}
    </section>
  );
}
