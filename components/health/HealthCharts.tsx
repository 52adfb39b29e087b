import { CHART_KINDS, type ChartKind } from '@/lib/health/chartKinds';
import { chartTable } from '@/lib/health/chartTable';
import type { HealthRange } from '@/lib/health/range';
import { tableSamples, weeklyPremiums } from '@/lib/health/series';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { ChartCard } from './ChartCard';
import { DataTable } from './DataTable';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { LazyChart } from './LazyChart';

const TITLES: Record<ChartKind, { title: string; units: string; wide?: boolean }> = {
  solvency: { title: 'Solvency ratio', units: 'capital ÷ required capital, % · dashed: threshold (critical) and 1.25 × threshold (warning)' },
  'share-price': { title: 'Tranche share price', units: 'asset units per share · shaded: drawdown below the running peak', wide: true },
  drawdown: { title: 'Underwater', units: 'share price below its running peak, %' },
  capital: { title: 'Capital by tranche', units: 'asset units, stacked' },
  premiums: { title: 'Premiums paid', units: 'asset units per UTC day, by receiving tranche' },
};

/**
 * The chart grid. Frames, CSV links and text alternatives are server HTML; the charts themselves arrive after
 * first paint. Text tables list each day's (past a month, each week's) last sample; the CSV has every sample.
 */
export function HealthCharts({
  range,
  samples,
  premiums,
  asset,
}: {
  range: HealthRange;
  samples: readonly IndexedSample[];
  premiums: readonly IndexedPremiumDay[];
  asset: { symbol: string; decimals: number };
}) {
  const { rows: tableRows, period } = tableSamples(samples);
  const tablePremiums = period === 'week' ? weeklyPremiums(premiums) : premiums;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {CHART_KINDS.map((kind) => {
        const meta = TITLES[kind];
        const table = chartTable(kind, tableRows, tablePremiums, asset, period);
        return (
          <div key={kind} className={meta.wide ? 'lg:col-span-2' : undefined}>
            <ChartCard kind={kind} title={meta.title} units={meta.units.replace('asset units', asset.symbol)} range={range}
              table={
                <DataTable caption={`${meta.title}${kind === 'premiums' ? `, summed per ${period}` : `, last sample of each ${period}`} (the CSV has every row)`}
                  header={table.header} rows={table.rows} testId={`table-${kind}`} />
              }>
              <SectionBoundary name={`The ${meta.title.toLowerCase()} chart`}>
                <LazyChart kind={kind} range={range} />
              </SectionBoundary>
            </ChartCard>
          </div>
        );
      })}
    </div>
  );
}
