import { CHART_KINDS, CHART_META, chartUnits } from '@/lib/health/chartKinds';
import { cachedChartSummary } from '@/lib/health/chartSummary';
import type { HealthRange } from '@/lib/health/range';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { ChartCard } from './ChartCard';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { LazyChart } from './LazyChart';

/**
 * The chart grid. Frames, summaries, data-table and CSV links are server HTML; the charts themselves arrive after
 * first paint. The tables live on their own pages (/health/data/<chart>), which keeps this page light to serve.
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
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {CHART_KINDS.map((kind) => {
        const meta = CHART_META[kind];
        return (
          <div key={kind} className={meta.wide ? 'lg:col-span-2' : undefined}>
            <ChartCard
              kind={kind}
              title={meta.title}
              units={chartUnits(kind, asset.symbol)}
              range={range}
              summary={cachedChartSummary(kind, samples, premiums, asset)}
            >
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
