import { ChartCard } from '@/components/health/ChartCard';
import { RangeLinks } from '@/components/health/RangeLinks';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import type { HealthRange } from '@/lib/health/range';
import type { TrancheHistoryPoint } from '@/lib/tranches/trancheHistory';
import { trancheHistorySummaries } from '@/lib/tranches/trancheHistorySummary';
import { LazyTrancheChart } from './LazyTrancheChart';
import type { TrancheSeriesKind } from './TrancheSeriesChart';

const CHARTS: { kind: TrancheSeriesKind; title: string; units: (symbol: string) => string }[] = [
  { kind: 'price', title: 'Share price', units: (s) => `${s} per share` },
  {
    kind: 'apr',
    title: 'Realised APR',
    units: () => '% a year, simple, trailing 30 days of share price; negative when losses exceeded premiums',
  },
  { kind: 'capital', title: 'Capital', units: (s) => `${s}, the tranche's total assets` },
];

/**
 * The tranche's public history, no wallet needed: frames, summaries and CSV links are server HTML, the charts arrive
 * after first paint (as on /health). `path` is the page's own address, for the range links, and `csvPath` the CSV's
 * (each on the page's chain).
 */
export function TrancheHistorySection({
  id,
  path,
  csvPath,
  range,
  points,
  asset,
  unavailable,
}: {
  id: number;
  path: string;
  csvPath: string;
  range: HealthRange;
  points: readonly TrancheHistoryPoint[];
  asset: { symbol: string; decimals: number };
  /** Why there is no history to show, if there is none. */
  unavailable: string | null;
}) {
  const summaries = trancheHistorySummaries(points, asset);
  return (
    <section className="space-y-4" aria-labelledby="tranche-history-title" data-testid="tranche-history">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="tranche-history-title" className="text-lg font-medium text-slate-50">
          Tranche history
        </h2>
        <RangeLinks current={range} path={path} />
      </div>
      {unavailable ? (
        <p className="text-sm text-amber-200">History unavailable: {unavailable}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          {CHARTS.map((chart) => (
            <ChartCard
              key={chart.kind}
              kind={`tranche-${chart.kind}`}
              title={chart.title}
              units={chart.units(asset.symbol)}
              links={{ data: null, csv: `${csvPath}${csvPath.includes('?') ? '&' : '?'}range=${range}` }}
              summary={summaries[chart.kind]}
            >
              <SectionBoundary name={`The ${chart.title.toLowerCase()} chart`}>
                <LazyTrancheChart id={id} range={range} kind={chart.kind} />
              </SectionBoundary>
            </ChartCard>
          ))}
        </div>
      )}
    </section>
  );
}
