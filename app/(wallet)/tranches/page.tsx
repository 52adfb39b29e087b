import { connection } from 'next/server';
import { TrancheCard, type TrancheHistorySummary } from '@/components/tranches/TrancheCard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { readDashboardOrLastKnown } from '@/lib/chain/cachedDashboard';
import { OutageNotices, readFrom } from '@/components/ui/OutageNotices';
import { INDEXER_SOURCE } from '@/lib/health/sources';
import { formatAge } from '@/lib/format/age';
import { readIndexerProgressCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf } from '@/lib/indexer/progress';
import { IndexerCatchUpNotice } from '@/components/ui/IndexerCatchUpNotice';
import type { IndexedSample } from '@/lib/indexer/schema';
import { formatUtc } from '@/lib/tranches/duration';
import { drawdownSummary } from '@/lib/tranches/drawdownSummary';
import { realisedApr } from '@/lib/tranches/realisedApr';
import { SectionBoundary } from '@/components/ui/SectionBoundary';

export const metadata = { title: 'Tranches' };

export default async function TranchesPage() {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  const { indexerUrl, refreshSeconds } = healthSettings();
  const [lens, samples, progress] = await Promise.all([
    readDashboardOrLastKnown(config.config),
    readSamplesCached(indexerUrl),
    readIndexerProgressCached(indexerUrl),
  ]);
  const { value: dashboard, failure } = lens;
  const catchUp = samples.failure ? null : catchUpOf(progress.value, dashboard?.blockNumber ?? null, config.config.deployBlock);
  const error = failure?.message ?? null;
  const latestSample = samples.value?.at(-1);
  const historyProblem = samples.failure ? `the indexer is unavailable: ${samples.failure.message}` : null;
  const now = Math.floor(Date.now() / 1000);

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold text-slate-50">Tranches</h1>
      <p className="mb-6 max-w-3xl text-slate-400">
        Losses hit Junior first, then Mezzanine, then Senior; premiums are shared by capital × risk multiplier, so the
        earlier a tranche pays, the more it earns. Exits need a cooldown, then a short window to withdraw.
      </p>
      <OutageNotices
        now={Date.now()}
        refreshSeconds={refreshSeconds}
        notices={[
          { failure, shownFrom: dashboard ? readFrom(dashboard.blockNumber, lens.fetchedAt, Date.now()) : null },
          {
            failure: samples.failure && { source: INDEXER_SOURCE, ...samples.failure },
            shownFrom: latestSample ? readFrom(latestSample.blockNumber, samples.fetchedAt, Date.now()) : null,
          },
        ]}
      />
      {catchUp ? (
        <IndexerCatchUpNotice className="mb-6" catchUp={catchUp} refreshSeconds={refreshSeconds} shows="Each card's share-price history stops at that block until it is done." />
      ) : null}
      {!dashboard ? (
        <p className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300" data-testid="tranches-unavailable">
          Live data is not available: {error ?? 'the lens did not answer'}
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-400" data-testid="tranches-age">
            Lens block <span className="figure">#{dashboard.blockNumber.toString()}</span> at {formatUtc(Number(dashboard.timestamp))} (
            {formatAge(now - Number(dashboard.timestamp))}); reload for newer figures.
          </p>
          <div className="grid gap-6 lg:grid-cols-3">
            {dashboard.tranches.map((tranche) => (
              <SectionBoundary key={tranche.id} name={`The ${tranche.name} card`}>
                <TrancheCard
                  module={dashboard.module}
                  tranche={tranche}
                  history={summarise(samples.value ?? [], tranche.id)}
                  historyProblem={historyProblem}
                />
              </SectionBoundary>
            ))}
          </div>
        </>
      )}
    </>
  );
}

function summarise(samples: readonly IndexedSample[], id: number): TrancheHistorySummary {
  const points = samples.flatMap((s) => {
    const t = s.tranches.find((x) => x.id === id);
    return t ? [{ timestamp: s.timestamp, sharePrice: BigInt(t.sharePrice), drawdownBps: t.drawdownBps }] : [];
  });
  return {
    apr: points.length ? realisedApr(points) : { ok: false, reason: 'no indexed share-price history' },
    drawdown: drawdownSummary(points),
    asOf: points.at(-1)?.timestamp ?? null,
  };
}
