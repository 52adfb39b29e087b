import type { ReactNode } from 'react';
import type { HealthRange } from '@/lib/health/range';
import type { HealthData } from '@/lib/health/healthData';
import { historyInRange } from '@/lib/health/historyInRange';
import type { BacktestReading } from '@/lib/sources/loaders/loadBacktest';
import type { HealthSources } from '@/lib/sources/loaders/loadHealth';
import { StressSection } from '@/components/risk/StressSection';
import { BacktestSection } from './backtest/BacktestSection';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { HeadlineFigures } from './HeadlineFigures';
import { HealthCharts } from './HealthCharts';
import { LossTable } from './LossTable';
import { ProtocolExposure } from './ProtocolExposure';
import { RangeLinks } from './RangeLinks';
import { HealthSourceLines } from './HealthSourceLines';
import { TrancheFigures } from './TrancheFigures';

/**
 * The history and the loss table start below the first screen at every width. The browser styles, lays out and
 * paints them only when they near the viewport (their estimated height holds their place until then), so a first
 * visit's first paint and its main-thread work cover the first screen only: the first layout of a fresh renderer is
 * slow (fonts, shaping), and it paid for all 300 elements before (docs/performance.md). The HTML is unchanged: the
 * sections stay in the accessibility tree, in find-in-page, and readable without JavaScript.
 */
const RENDERED_NEAR_VIEW = '[content-visibility:auto]';

/** The whole /health body, server-rendered from the cached reads. */
export function HealthView({
  data,
  sources,
  backtest,
  range,
  now,
  explorerUrl,
  chainsSection = null,
}: {
  data: HealthData;
  sources: HealthSources;
  backtest: BacktestReading;
  range: HealthRange;
  now: number;
  explorerUrl: string | null;
  /** With several chains configured: their combined and own figures, shown before the default chain's. */
  chainsSection?: ReactNode;
}) {
  const s = data.snapshot;
  const { from, samples, premiums, asset } = historyInRange(data, range, now);

  return (
    <div className="space-y-8">
      <HealthSourceLines data={data} sources={sources} now={now} />

      {chainsSection}

      {s ? (
        <SectionBoundary name="Headline figures">
          <div className="space-y-8">
            <HeadlineFigures s={s} />
            <TrancheFigures s={s} />
            <ProtocolExposure s={s} />
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

      <section
        aria-labelledby="history"
        className={`space-y-4 ${RENDERED_NEAR_VIEW} [contain-intrinsic-size:auto_2700px] lg:[contain-intrinsic-size:auto_1700px]`}
      >
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

      <section aria-label="Loss events" className={`${RENDERED_NEAR_VIEW} [contain-intrinsic-size:auto_400px]`}>
        {data.losses ? (
          <SectionBoundary name="Loss events">
            <LossTable losses={data.losses} decimals={asset.decimals} symbol={asset.symbol} explorerUrl={explorerUrl} />
          </SectionBoundary>
        ) : (
          <p className="rounded-xl border border-slate-800 p-6 text-slate-400">Loss events are not available yet.</p>
        )}
      </section>

      <div className={`${RENDERED_NEAR_VIEW} [contain-intrinsic-size:auto_3000px]`}>
        <SectionBoundary name="Does the model hold?">
          <BacktestSection reading={backtest} now={now} />
        </SectionBoundary>
      </div>
    </div>
  );
}
