import { ChainLink } from '@/components/chains/ChainLink';
import { connection } from 'next/server';
import { UnknownChain } from '@/components/chains/UnknownChain';
import { ProposalList, StateFilter } from '@/components/governance/ProposalList';
import { VotingPowerPanel } from '@/components/governance/VotingPowerPanel';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { isStateName } from '@/lib/governance/proposalState';
import { pageChain } from '@/lib/server/pageChain';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { loadGovernance } from '@/lib/sources/loaders/loadGovernance';
import { failureOf } from '@/lib/sources/status';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';

export const metadata = { title: 'Governance' };

export default async function GovernancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const query = await searchParams;
  const chain = await pageChain(config, '/governance', query);
  if (!chain.ok) return <UnknownChain problem={chain.problem} chains={config.chains} path="/governance" />;
  const raw = query.state;
  const filter = typeof raw === 'string' && isStateName(raw) ? raw : null;

  // A returning wallet's voting power is read here too, so the page is laid out for it before the wallet reconnects.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const { data, sources } = await loadGovernance(chain.config, account);
  const read = data.proposals;
  const rows = read ? read.rows.filter((r) => filter === null || r.state === filter) : [];

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="mb-2 text-2xl font-semibold text-slate-50">Governance</h1>
          <p className="max-w-3xl text-slate-400">
            BSG holders set every risk parameter of the module and the clearinghouse. Passed proposals wait in the
            timelock before they take effect.
          </p>
        </div>
        <ChainLink
          href="/governance/new"
          className="rounded-lg bg-amber-500 px-4 py-2 font-semibold text-ink hover:bg-amber-400"
          data-testid="new-proposal-link"
        >
          New proposal
        </ChainLink>
      </div>
      <SectionBoundary name="Voting power">
        <VotingPowerPanel renderedAt={Date.now()} initialDashboard={data.accountDashboard} />
      </SectionBoundary>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-100">Proposals</h2>
      <SourceNotices
        className="mb-6"
        sources={sourcesOnChain(chain.config, [sources.proposals])}
        now={Date.now()}
        refreshSeconds={healthSettings().refreshSeconds}
      />
      <div className="mb-4">
        <StateFilter current={filter} />
      </div>
      {read ? (
        <SectionBoundary name="The proposal list">
          <ProposalList rows={rows} now={read.chainTime} historyComplete={data.historyComplete} />
        </SectionBoundary>
      ) : (
        <p
          className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300"
          data-testid="proposals-unavailable"
        >
          Proposals are not available: {failureOf(sources.proposals)?.reason ?? null}
        </p>
      )}
    </>
  );
}
