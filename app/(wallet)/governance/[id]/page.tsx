import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ProposalDetail } from '@/components/governance/ProposalDetail';
import { WaitForIndexer } from '@/components/governance/WaitForIndexer';
import { readAccountDashboardOrLastKnown } from '@/lib/chain/cachedDashboard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { proposalTitle } from '@/lib/governance/proposalState';
import { fetchProposals, fetchVotes } from '@/lib/indexer/proposalsClient';
import type { IndexedProposal, IndexedVote } from '@/lib/indexer/proposalsSchema';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';

export const metadata = { title: 'Proposal' };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = (await params).id;
  if (!/^\d{1,78}$/.test(id)) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  const indexerUrl = healthSettings().indexerUrl;
  let proposal: IndexedProposal | undefined;
  let votes: IndexedVote[] = [];
  let error: string | null = null;
  // The lens is read here too (for a returning wallet, with its account), so the actions are in words from the first
  // paint; without it, the page reads the lens in the browser as before.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const lensRead = readAccountDashboardOrLastKnown(config.config, account);
  try {
    [proposal, votes] = await Promise.all([fetchProposals(indexerUrl).then((all) => all.find((p) => p.proposalId === id)), fetchVotes(indexerUrl, id)]);
  } catch (e) {
    error = (e as Error).message;
  }
  const lens = await lensRead;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/governance" className="text-slate-400 hover:text-slate-200">← All proposals</Link>
      </p>
      {proposal ? (
        <>
          <h1 className="mb-4 text-2xl font-semibold text-slate-50" data-testid="proposal-title">{proposalTitle(proposal.description)}</h1>
          <SectionBoundary name="The proposal">
            <ProposalDetail proposal={proposal} votes={votes} renderedAt={Date.now()} initialDashboard={lens.value} />
          </SectionBoundary>
        </>
      ) : (
        <WaitForIndexer message={error ?? `Proposal ${id.slice(0, 12)}… is not indexed yet (a new proposal appears within seconds).`} />
      )}
    </>
  );
}
