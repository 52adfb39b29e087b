'use client';

import dynamic from 'next/dynamic';
import { useChainPath } from '@/components/chains/useChainPath';
import { ChartSkeleton } from '@/components/health/charts/ChartSkeleton';
import { Amount } from '@/components/ui/Amount';
import { useInView } from '@/components/ui/useInView';
import { withLensPoint, type LensPosition } from '@/lib/tranches/positionHistory';
import { fromPointJson } from '@/lib/tranches/positionTable';
import { usePositionSeries } from './usePositionSeries';
import { LocalTime } from '@/components/ui/LocalTime';

// Client-only and split out, as /health's charts: recharts loads only when the section nears the viewport.
const Chart = dynamic(() => import('./PositionHistoryChart'), { ssr: false, loading: () => <ChartSkeleton /> });

const LINK =
  'rounded-md border border-slate-700 px-2 py-1 text-xs text-slate-300 hover:border-slate-500 hover:text-slate-100';

/**
 * The connected account's position over time: value and cost basis, PnL beside them, a CSV of every point. The last
 * point is the position panel's own lens read (withLensPoint), so the chart ends on the figure the panel shows; the
 * caption states it exactly.
 */
export function PositionHistorySection({
  trancheId,
  account,
  lens,
}: {
  trancheId: number;
  account: `0x${string}`;
  lens: LensPosition;
}) {
  const series = usePositionSeries(trancheId, account, lens.shares);
  const { ref, inView } = useInView<HTMLElement>();
  const data = series.data;
  const onChain = useChainPath();
  const csvHref = onChain(`/tranches/${trancheId}/history.csv?account=${account}`);

  let body;
  if (!data) {
    // The chart's space is held while the history loads, so nothing below it moves when it arrives.
    body = (
      <div aria-busy="true">
        <ChartSkeleton />
        <p className="mt-3 text-xs text-slate-400" data-testid="position-history-loading">
          {series.isLoading ? 'Reading your history…' : 'Position history unavailable.'}
        </p>
      </div>
    );
  } else if (!data.available) {
    body = (
      <p className="text-sm text-slate-400" data-testid="position-history-unavailable">
        Position history unavailable: {data.reason}.
      </p>
    );
  } else {
    const points = withLensPoint(data.points.map(fromPointJson), lens);
    const last = points.at(-1);
    const scale = 10 ** data.asset.decimals;
    const rows = points.map((p) => ({
      t: p.timestamp,
      value: Number(p.value) / scale,
      costBasis: Number(p.costBasis) / scale,
      pnl: Number(p.pnl) / scale,
    }));
    const money = (v: bigint) => <Amount value={v} decimals={data.asset.decimals} unit={data.asset.symbol} />;
    body = !last ? (
      <p className="text-sm text-slate-400" data-testid="position-history-empty">
        No position in this tranche yet: the history starts with your first deposit or incoming transfer.
      </p>
    ) : (
      <figure aria-labelledby="position-history-caption">
        {inView ? <Chart rows={rows} symbol={data.asset.symbol} /> : <ChartSkeleton />}
        <figcaption
          id="position-history-caption"
          className="mt-3 text-xs text-slate-400"
          data-testid="position-history-last"
          data-block={last.blockNumber.toString()}
          data-value={last.value.toString()}
          data-cost-basis={last.costBasis.toString()}
          data-pnl={last.pnl.toString()}
        >
          Value and cost basis of your position over time, in {data.asset.symbol}, with PnL (value − cost basis +
          realised PnL). Latest point (lens, block #{last.blockNumber.toString()}, <LocalTime unix={last.timestamp} />
          ): value {money(last.value)}, cost basis {money(last.costBasis)}, PnL {money(last.pnl)}. Earlier points: one
          per indexed hourly sample{data.indexedTo ? ` up to block #${data.indexedTo}` : ''}, your shares valued at that
          sample&apos;s share price ({data.pointCount} in the CSV, at most 600 drawn).
        </figcaption>
      </figure>
    );
  }

  return (
    <section
      ref={ref}
      className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="position-history-title"
      data-testid="position-history"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="position-history-title" className="text-lg font-medium text-slate-50">
            Your position over time
          </h2>
          <p className="text-xs text-slate-400">
            {data?.available ? data.asset.symbol : 'asset units'} · cost basis by average cost, transfers at the
            vault&apos;s price when they moved
          </p>
        </div>
        <a href={csvHref} download className={LINK} data-testid="position-history-csv">
          Download CSV<span className="sr-only"> of your position history</span>
        </a>
      </header>
      {body}
    </section>
  );
}
