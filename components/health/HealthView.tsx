import type { HealthRange } from '@/lib/health/range';
import { historyInRange, type HealthData } from '@/lib/health/readHealth';
import { FreshnessLine } from './FreshnessLine';
import { StressSection } from '@/components/risk/StressSection';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { HeadlineFigures } from './HeadlineFigures';
import { HealthCharts } from './HealthCharts';
import { LossTable } from './LossTable';
import { RangeLinks } from './RangeLinks';
import { StaleBanner } from './StaleBanner';
import { TrancheFigures } from './TrancheFigures';

/** The whole /health body, server-rendered from the cached reads. */
export function HealthView({
  data,
  range,
  now,
  explorerUrl,
}: {
  data: HealthData;
  range: HealthRange;
  now: number;
  explorerUrl: string | null;
}) {
  const s = data.snapshot;
  const latest = data.samples.value?.at(-1) ?? null;
  const { from, samples, premiums, asset } = historyInRange(data, range, now);
  const indexerFailure = data.samples.failure ?? data.losses.failure ?? data.premiums.failure;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        {data.chain.failure ? (
          <StaleBanner source="Chain RPC" failure={data.chain.failure} now={now} refreshSeconds={data.refreshSeconds}
            shownFrom={s ? `block ${s.blockNumber}, ${Math.max(0, Math.round((now / 1000 - s.blockTimestamp) / 60))} min old` : null} />
        ) : null}
        {indexerFailure ? (
          <StaleBanner source="History indexer" failure={indexerFailure} now={now} refreshSeconds={data.refreshSeconds}
            shownFrom={latest ? `block ${latest.blockNumber}, ${Math.max(0, Math.round((now / 1000 - latest.timestamp) / 60))} min old` : null} />
        ) : null}
        {s ? <FreshnessLine blockNumber={s.blockNumber} blockTimestamp={s.blockTimestamp} now={now} refreshSeconds={data.refreshSeconds} /> : null}
      </div>

      {s ? (
        <SectionBoundary name="Headline figures">
          <div className="space-y-8">
            <HeadlineFigures s={s} />
            <TrancheFigures s={s} />
          </div>
        </SectionBoundary>
      ) : (
        <p className="rounded-xl border border-slate-800 p-6 text-slate-400" data-testid="no-chain-data">
          No chain read has succeeded since the server started; the figures appear as soon as the RPC answers.
        </p>
      )}

      {s ? (
        <SectionBoundary name="Stress test">
          <StressSection />
        </SectionBoundary>
      ) : null}

      <section aria-labelledby="history" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="history" className="text-lg font-semibold text-slate-100">
            History
            <span className="ml-2 text-sm font-normal text-slate-400" data-testid="history-range" data-from={from}>
              {from === 0 ? 'since deployment' : `since ${new Date(from * 1000).toISOString().slice(0, 10)}`}
              {samples ? ` · ${samples.length} samples` : ''}
            </span>
          </h2>
          <RangeLinks current={range} />
        </div>
        {samples && premiums ? (
          <SectionBoundary name="History charts">
            <HealthCharts range={range} samples={samples} premiums={premiums} asset={asset} />
          </SectionBoundary>
        ) : (
          <p className="rounded-xl border border-slate-800 p-6 text-slate-400">History is not available yet.</p>
        )}
      </section>

      <section aria-label="Loss events">
        {data.losses.value ? (
          <SectionBoundary name="Loss events">
            <LossTable losses={data.losses.value} decimals={asset.decimals} symbol={asset.symbol} explorerUrl={explorerUrl} />
          </SectionBoundary>
        ) : (
          <p className="rounded-xl border border-slate-800 p-6 text-slate-400">Loss events are not available yet.</p>
        )}
      </section>
    </div>
  );
}
