import { formatElapsed } from '@/lib/format/age';
import { utc } from '@/lib/format/backtest';
import type { BacktestReading } from '@/lib/sources/loaders/loadBacktest';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { BacktestStatsTable } from './BacktestStatsTable';
import { LazyBacktestChart } from './LazyBacktestChart';
import { LossMovesTable } from './LossMovesTable';
import { OracleStalenessNote } from './OracleStalenessNote';

/**
 * "Does the model hold?": the market-move model's walk-forward backtest on this chain's own oracle history (server
 * HTML: verdict, statistics, loss events), with each market's chart loaded when it nears the viewport.
 */
export function BacktestSection({ reading, now }: { reading: BacktestReading; now: number }) {
  const { backtest, status, refreshSeconds } = reading;
  return (
    <section aria-labelledby="model-holds" className="space-y-4" data-testid="backtest-section">
      <div>
        <h2 id="model-holds" className="text-lg font-semibold text-slate-100">
          Does the model hold?
        </h2>
        <p className="max-w-3xl text-sm text-slate-400">
          Every hour, the market-move model — knowing only the oracle prices up to that hour — forecast how far each
          market could fall or rise in the next hour and the next day at 95 %, 99 % and 99.9 %. Here those forecasts
          meet what this chain&apos;s oracles then did. A move beyond a forecast is an exception; at 99 % about one hour
          in a hundred should be one. Kupiec&apos;s test asks whether there were too many or too few,
          Christoffersen&apos;s whether they came in clusters; the zone is the Basel traffic light.
        </p>
      </div>
      {backtest ? (
        <>
          <p className="text-sm text-slate-400" data-testid="backtest-freshness">
            {backtest.through !== null ? <>Oracle history through {utc(backtest.through)} · </> : null}
            {status.readAt !== null ? <>computed {formatElapsed(status.readAt, now)} · </> : null}
            recomputed when the indexer&apos;s head moves, checked at most every {refreshSeconds} s
            {status.state !== 'ok'
              ? ` · ${status.source} unavailable (${status.reason}): showing the last backtest`
              : ''}
          </p>
          <p
            className={`rounded-lg border px-3 py-2 font-medium ${backtest.verdict.held ? 'border-emerald-900/60 text-emerald-200' : 'border-rose-900/60 text-rose-200'}`}
            data-testid="backtest-verdict"
            data-held={backtest.verdict.held}
          >
            {backtest.verdict.text}
          </p>
          {backtest.markets.map((market) => (
            <article
              key={market.id}
              aria-labelledby={`backtest-${market.id}`}
              className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/40 p-4"
              data-testid="backtest-market"
              data-market-id={market.id}
            >
              <header>
                <h3 id={`backtest-${market.id}`} className="font-medium text-slate-100">
                  {market.name}
                </h3>
                <p
                  className="text-sm text-slate-300"
                  data-testid="backtest-market-verdict"
                  data-held={market.verdict.held}
                >
                  {market.verdict.text}
                </p>
              </header>
              <OracleStalenessNote market={market.name} staleness={market.staleness} />
              <figure>
                <figcaption className="mb-2 text-xs text-slate-400">
                  99 % one-hour forecast band (fall below zero, rise above) against each hour&apos;s realised move, in
                  percent of the price; time in UTC; exceptions ringed in red.
                </figcaption>
                <SectionBoundary name={`The ${market.name} backtest chart`}>
                  <LazyBacktestChart marketId={market.id} />
                </SectionBoundary>
              </figure>
              <BacktestStatsTable market={market.name} cells={market.cells} />
            </article>
          ))}
          <LossMovesTable losses={backtest.losses} />
          <p className="text-xs text-slate-400">
            The model&apos;s fitted constants and its backtest on real exchange history are in docs/risk-model.md. The
            same figures as JSON:{' '}
            <a className="text-sky-300 underline" href="/api/risk/backtest">
              /api/risk/backtest
            </a>
            .
          </p>
        </>
      ) : (
        <SourceNotices
          sources={[status]}
          now={now}
          refreshSeconds={refreshSeconds}
          waiting="The backtest appears once the indexer's oracle history has been read."
        />
      )}
    </section>
  );
}
