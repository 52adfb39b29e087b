import { connection } from 'next/server';
import { UnknownChain } from '@/components/chains/UnknownChain';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { TrancheCard } from '@/components/tranches/TrancheCard';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { formatAge } from '@/lib/format/age';
import { pageChain } from '@/lib/server/pageChain';
import { failureOf } from '@/lib/sources/status';
import { loadTranches } from '@/lib/sources/loaders/loadTranches';
import { formatUtc } from '@/lib/tranches/duration';
import { summariseHistory } from '@/lib/tranches/historySummary';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';

export const metadata = { title: 'Tranches' };

export default async function TranchesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const chain = await pageChain(config, '/tranches', await searchParams);
  if (!chain.ok) return <UnknownChain problem={chain.problem} chains={config.chains} path="/tranches" />;

  const { data, sources } = await loadTranches(chain.config);
  const { dashboard, histories, historyProblem } = data;
  const error = failureOf(sources.chain)?.reason ?? null;
  const now = Math.floor(Date.now() / 1000);

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold text-slate-50">Tranches</h1>
      <p className="mb-6 max-w-3xl text-slate-400">
        Losses hit Junior first, then Mezzanine, then Senior; premiums are shared by capital × risk multiplier, so the
        earlier a tranche pays, the more it earns. Exits need a cooldown, then a short window to withdraw.
      </p>
      <SourceNotices
        className="mb-6"
        sources={sourcesOnChain(chain.config, [sources.chain, sources.indexer])}
        now={Date.now()}
        refreshSeconds={healthSettings().refreshSeconds}
      />
      {!dashboard ? (
        <p
          className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300"
          data-testid="tranches-unavailable"
        >
          Live data is not available: {error ?? 'the lens did not answer'}
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-400" data-testid="tranches-age">
            Lens block <span className="figure">#{dashboard.blockNumber.toString()}</span> at{' '}
            {formatUtc(Number(dashboard.timestamp))} ({formatAge(now - Number(dashboard.timestamp))}); reload for newer
            figures.
          </p>
          <div className="grid gap-6 lg:grid-cols-3">
            {dashboard.tranches.map((tranche) => (
              <SectionBoundary key={tranche.id} name={`The ${tranche.name} card`}>
                <TrancheCard
                  module={dashboard.module}
                  tranche={tranche}
                  history={histories[tranche.id] ?? summariseHistory([], tranche.id)}
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
