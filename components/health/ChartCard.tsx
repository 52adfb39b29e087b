import type { ReactNode } from 'react';
import type { ChartKind } from '@/lib/health/chartKinds';
import type { HealthRange } from '@/lib/health/range';

const LINK =
  'rounded-md border border-slate-700 px-2 py-1 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100';

interface CommonProps {
  title: string;
  units: string;
  summary: string;
  children: ReactNode;
}

/** A /health chart (its table and CSV at the /health addresses), or another page's chart with links of its own. */
type Target =
  | { kind: ChartKind; range: HealthRange; links?: undefined }
  | { kind: string; range?: undefined; links: { data: string | null; csv: string } };

/**
 * A chart's frame: title with units, the chart, and its text alternative: a summary sentence here, the full table
 * on /health/data/<chart> and the CSV download (plain links: both work without JavaScript).
 */
export function ChartCard({ kind, title, units, range, links, summary, children }: CommonProps & Target) {
  const summaryId = `summary-${kind}`;
  const dataHref = links ? links.data : `/health/data/${kind}?range=${range}`;
  const csvHref = links ? links.csv : `/api/health/csv/${kind}?range=${range}`;
  return (
    <section
      className="rounded-xl border border-slate-800 bg-slate-900/40 p-4"
      aria-label={title}
      aria-describedby={summaryId}
      data-testid={`chart-${kind}`}
    >
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h3 className="font-medium text-slate-100">{title}</h3>
          <p className="text-xs text-slate-400">{units}</p>
        </div>
        <div className="flex gap-2">
          {dataHref ? (
            <a href={dataHref} className={LINK} data-testid={`data-${kind}`}>
              Data table<span className="sr-only"> of {title}</span>
            </a>
          ) : null}
          <a href={csvHref} download className={LINK} data-testid={`csv-${kind}`}>
            Download CSV<span className="sr-only"> of {title}</span>
          </a>
        </div>
      </header>
      {children}
      <p id={summaryId} className="mt-3 text-xs text-slate-400" data-testid={summaryId}>
        {summary}
      </p>
    </section>
  );
}
