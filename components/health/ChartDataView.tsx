import { CHART_META, chartUnits, type ChartKind } from '@/lib/health/chartKinds';
import { chartSummary } from '@/lib/health/chartSummary';
import { chartTable } from '@/lib/health/chartTable';
import type { HealthRange } from '@/lib/health/range';
import type { HealthData } from '@/lib/health/healthData';
import { historyInRange } from '@/lib/health/historyInRange';
import type { HealthSources } from '@/lib/sources/loaders/loadHealth';
import { dailyLast } from '@/lib/health/series';
import { FullDataTable } from './DataTable';
import { RangeLinks } from './RangeLinks';
import { HealthSourceLines } from './HealthSourceLines';

/** /health/data/<chart>: one chart's text alternative in full, a row per UTC day, with its summary and CSV. */
export function ChartDataView({
  kind,
  data,
  sources,
  range,
  now,
}: {
  kind: ChartKind;
  data: HealthData;
  sources: HealthSources;
  range: HealthRange;
  now: number;
}) {
  const meta = CHART_META[kind];
  const { from, samples, premiums, asset } = historyInRange(data, range, now);
  const table = samples && premiums ? chartTable(kind, dailyLast(samples), premiums, asset) : null;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <a href={`/health?range=${range}`} className="text-amber-300 underline-offset-2 hover:underline">
          ← Back to health
        </a>
      </p>
      <div>
        <h1 className="text-2xl font-semibold text-slate-50">{meta.title}: data</h1>
        <p className="mt-1 text-slate-400">{chartUnits(kind, asset.symbol)}</p>
      </div>
      <HealthSourceLines data={data} sources={sources} now={now} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-400" data-testid="history-range" data-from={from}>
          {from === 0 ? 'Since deployment' : `Since ${new Date(from * 1000).toISOString().slice(0, 10)}`}
        </p>
        <RangeLinks current={range} path={`/health/data/${kind}`} />
      </div>
      {table && samples && premiums ? (
        <>
          <p className="max-w-3xl text-slate-300" data-testid={`summary-${kind}`}>
            {chartSummary(kind, samples, premiums, asset)}
          </p>
          <p>
            <a
              href={`/api/health/csv/${kind}?range=${range}`}
              download
              data-testid={`csv-${kind}`}
              className="rounded-md border border-slate-700 px-3 py-1.5 text-sm text-slate-300 hover:border-slate-500 hover:text-slate-100"
            >
              Download CSV<span className="sr-only"> of {meta.title}</span> (every sample)
            </a>
          </p>
          <FullDataTable
            caption={`${meta.title}: ${kind === 'premiums' ? 'each UTC day' : 'the last sample of each UTC day'}, ${table.rows.length} rows (the CSV has every sample)`}
            header={table.header}
            rows={table.rows}
            testId={`table-${kind}`}
          />
        </>
      ) : (
        <p className="rounded-xl border border-slate-800 p-6 text-slate-400">History is not available yet.</p>
      )}
    </div>
  );
}
