import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Markdown } from '@/components/governance/Markdown';
import { ProposalDetail } from '@/components/governance/ProposalDetail';
import { WaitForIndexer } from '@/components/governance/WaitForIndexer';
import { readAccountDashboardOrLastKnown } from '@/lib/chain/cachedDashboard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { proposalForClient } from '@/lib/governance/proposalForClient';
import { proposalBody, proposalTitle } from '@/lib/governance/proposalState';
import { readIndexerProgressCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf } from '@/lib/indexer/progress';
import { readProposalOrLastKnown } from '@/lib/governance/readProposals';
import { IndexerCatchUpNotice } from '@/components/ui/IndexerCatchUpNotice';
import { OutageNotices, readAgo } from '@/components/ui/OutageNotices';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';

export const metadata = { title: 'Proposal' };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = (await params).id;
  if (!/^\d{1,78}$/.test(id)) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  const { indexerUrl, refreshSeconds } = healthSettings();
  // The lens is read here too (for a returning wallet, with its account), so the actions are in words from the first
  // paint; without it, the page reads the lens in the browser as before.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const [read, lens, progress] = await Promise.all([
    readProposalOrLastKnown(config.config, indexerUrl, id),
    readAccountDashboardOrLastKnown(config.config, account),
    readIndexerProgressCached(indexerUrl),
  ]);
  const found = read.value;
  const catchUp = read.failure ? null : catchUpOf(progress.value, lens.value?.blockNumber ?? null, config.config.deployBlock);
  const now = Date.now();
  const catchUpNotice = catchUp ? (
    <IndexerCatchUpNotice
      className="mb-6"
      catchUp={catchUp}
      refreshSeconds={refreshSeconds}
      shows={
        found
          ? 'The list of votes stops at that block until it is done; the state and the tally come from the chain and are current.'
          : 'The proposal appears here once the indexer reaches the block it was made in.'
      }
    />
  ) : null;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/governance" className="text-slate-400 hover:text-slate-200">← All proposals</Link>
      </p>
      {found ? (
        <>
          <h1 className="mb-4 text-2xl font-semibold text-slate-50" data-testid="proposal-title">{proposalTitle(found.proposal.description)}</h1>
          <OutageNotices
            now={now}
            refreshSeconds={refreshSeconds}
            notices={[{ failure: read.failure, shownFrom: read.fetchedAt === null ? null : `the proposal and its ${found.votes.length} votes, ${readAgo(read.fetchedAt, now)}` }]}
          />
          {catchUpNotice}
          <SectionBoundary name="The proposal">
            <ProposalDetail
              proposal={proposalForClient(found.proposal)}
              description={<Markdown source={proposalBody(found.proposal.description)} />}
              votes={found.votes}
              renderedAt={now}
              initialDashboard={lens.value}
              initialFailure={lens.failure}
            />
          </SectionBoundary>
        </>
      ) : (
        <>
          {catchUpNotice}
          <WaitForIndexer
            message={
              read.failure?.message ??
              (catchUp
                ? `Proposal ${id.slice(0, 12)}… is not among the blocks indexed so far.`
                : `Proposal ${id.slice(0, 12)}… is not indexed yet (a new proposal appears within seconds).`)
            }
          />
        </>
      )}
    </>
  );
}
