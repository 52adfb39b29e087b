import { ChainLink } from '@/components/chains/ChainLink';
import { UnknownChain } from '@/components/chains/UnknownChain';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PremiumSection } from '@/components/premium/PremiumSection';
import { TrancheQuoteSection } from '@/components/risk/TrancheQuoteSection';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { TrancheHistorySection } from '@/components/tranches/history/TrancheHistorySection';
import { TrancheDetail } from '@/components/tranches/TrancheDetail';
import { TrancheIncomeSection } from '@/components/tranches/TrancheIncomeSection';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { chainPath } from '@/lib/chain/chainParam';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { parseRange } from '@/lib/health/range';
import { pageChain } from '@/lib/server/pageChain';
import { loadTrancheHistory } from '@/lib/sources/loaders/loadTrancheHistory';
import { loadTranchePage } from '@/lib/sources/loaders/loadTranchePage';
import { parseTrancheRef, TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const slug = id === null ? 'Tranche' : TRANCHE_SLUGS[id];
  return { title: `${slug.charAt(0).toUpperCase()}${slug.slice(1)} tranche` };
}

export default async function TranchePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const ref = (await params).id;
  const id = parseTrancheRef(ref);
  if (id === null) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  const query = await searchParams;
  const path = `/tranches/${encodeURIComponent(ref)}`;
  const chain = await pageChain(config, path, query);
  if (!chain.ok) return <UnknownChain problem={chain.problem} chains={config.chains} path={path} />;
  const range = parseRange(query.range);
  const account = (await requestReconnectingWallet())?.account ?? null;
  const [{ data, sources }, history] = await Promise.all([
    loadTranchePage(chain.config, account),
    loadTrancheHistory(chain.config, id, range),
  ]);
  const onChain = (p: string) => chainPath(p, chain.config.chainId, config.chains.length > 1);
  const name = data.dashboard?.tranches[id]?.name ?? `Tranche ${id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <ChainLink href="/tranches" className="text-slate-400 hover:text-slate-200">
          ← All tranches
        </ChainLink>
      </p>
      <h1 className="mb-6 text-2xl font-semibold text-slate-50" data-testid="tranche-title">
        {name}
      </h1>
      {/* The chain's status is reported by TrancheDetail, which keeps polling the node from the browser. */}
      <SourceNotices
        className="mb-6"
        sources={sourcesOnChain(chain.config, [sources.indexer])}
        now={Date.now()}
        refreshSeconds={healthSettings().refreshSeconds}
      />
      <SectionBoundary name="Tranche and position">
        <TrancheDetail
          trancheId={id}
          initialDashboard={data.dashboard}
          initialStatus={sources.chain}
          renderedAt={Date.now()}
        />
      </SectionBoundary>
      <div className="mt-6">
        <SectionBoundary name="Earnings">
          <TrancheIncomeSection
            trancheId={id}
            apr={history.ok ? history.apr : { ok: false, reason: history.reason }}
            income={history.ok ? history.income : { ok: false, reason: history.reason }}
            asOf={history.ok ? history.asOf : null}
            unavailable={history.ok ? null : history.reason}
          />
        </SectionBoundary>
      </div>
      <div className="mt-6">
        <SectionBoundary name="Tranche history">
          <TrancheHistorySection
            id={id}
            path={onChain(path)}
            csvPath={onChain(`/api/tranches/${id}/csv`)}
            range={range}
            points={history.ok ? history.points : []}
            asset={history.ok ? history.asset : { symbol: 'asset units', decimals: 6 }}
            unavailable={history.ok ? null : history.reason}
          />
        </SectionBoundary>
      </div>
      {/* Above the risk quote: the quote grows when the model has run in the browser, so nothing may sit below it. */}
      <div className="mt-6">
        <SectionBoundary name="Premium">
          <PremiumSection trancheId={id} chain={chain.config} />
        </SectionBoundary>
      </div>
      <div className="mt-6">
        <SectionBoundary name="Risk quote">
          <TrancheQuoteSection trancheId={id} chain={chain.config} />
        </SectionBoundary>
      </div>
    </>
  );
}
