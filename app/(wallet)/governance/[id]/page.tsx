import { ChainLink } from '@/components/chains/ChainLink';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { UnknownChain } from '@/components/chains/UnknownChain';
import { Markdown } from '@/components/governance/Markdown';
import { ProposalDetail } from '@/components/governance/ProposalDetail';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { proposalForClient } from '@/lib/governance/proposalForClient';
import { proposalBody, proposalTitle } from '@/lib/governance/proposalState';
import { pageChain } from '@/lib/server/pageChain';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { loadProposal } from '@/lib/sources/loaders/loadProposal';
import { loadInitialProposalEffect } from '@/lib/sources/loaders/loadProposalEffect';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';

export const metadata = { title: 'Proposal' };

export default async function ProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const id = (await params).id;
  if (!/^\d{1,78}$/.test(id)) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const chain = await pageChain(config, `/governance/${id}`, await searchParams);
  if (!chain.ok) return <UnknownChain problem={chain.problem} chains={config.chains} path="/governance" />;

  // The lens is read here too (for a returning wallet, with its account), so the actions are in words from the first
  // paint; without it, the page reads the lens in the browser as before.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const { data, sources } = await loadProposal(chain.config, id, account);
  const { found } = data;
  const initialEffect = found
    ? await loadInitialProposalEffect(chain.config, found.proposal, data.dashboard, account)
    : null;
  const now = Date.now();
  const notices = (
    <SourceNotices
      className="mb-6"
      sources={sourcesOnChain(chain.config, [sources.proposal])}
      now={now}
      refreshSeconds={healthSettings().refreshSeconds}
      waiting={data.waiting}
    />
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <ChainLink href="/governance" className="text-slate-400 hover:text-slate-200">
          ← All proposals
        </ChainLink>
      </p>
      {found ? (
        <>
          <h1 className="mb-4 text-2xl font-semibold text-slate-50" data-testid="proposal-title">
            {proposalTitle(found.proposal.description)}
          </h1>
          {notices}
          <SectionBoundary name="The proposal">
            <ProposalDetail
              proposal={proposalForClient(found.proposal)}
              description={<Markdown source={proposalBody(found.proposal.description)} />}
              votes={found.votes}
              renderedAt={now}
              initialDashboard={data.dashboard}
              initialStatus={sources.chain}
              initialEffect={initialEffect}
            />
          </SectionBoundary>
        </>
      ) : (
        notices
      )}
    </>
  );
}
