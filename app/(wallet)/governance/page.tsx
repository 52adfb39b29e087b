import Link from 'next/link';
import { connection } from 'next/server';
import { ProposalList, StateFilter } from '@/components/governance/ProposalList';
import { readProposalsOrLastKnown } from '@/lib/governance/readProposals';
import { OutageNotices, readFrom } from '@/components/ui/OutageNotices';
import { VotingPowerPanel } from '@/components/governance/VotingPowerPanel';
import { readAccountDashboard } from '@/lib/chain/readDashboard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { isStateName } from '@/lib/governance/proposalState';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { IndexerCatchUpNotice } from '@/components/ui/IndexerCatchUpNotice';
import { readIndexerProgressCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf } from '@/lib/indexer/progress';

export const metadata = { title: 'Governance' };

export default async function GovernancePage({ searchParams }: { searchParams: Promise<{ state?: string | string[] }> }) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const raw = (await searchParams).state;
  const filter = typeof raw === 'string' && isStateName(raw) ? raw : null;

  // A returning wallet's voting power is read here too, so the page is laid out for it before the wallet reconnects.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const { indexerUrl, refreshSeconds } = healthSettings();
  const [proposals, accountLens, progress] = await Promise.all([
    readProposalsOrLastKnown(config.config, indexerUrl),
    readAccountDashboard(config.config, account),
    readIndexerProgressCached(indexerUrl),
  ]);
  const read = proposals.value;
  const error = proposals.failure?.message ?? null;
  const rows = read ? read.rows.filter((r) => filter === null || r.state === filter) : [];
  const catchUp = proposals.failure ? null : catchUpOf(progress.value, read?.blockNumber ?? null, config.config.deployBlock);

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
        <Link href="/governance/new" className="rounded-lg bg-amber-500 px-4 py-2 font-semibold text-ink hover:bg-amber-400" data-testid="new-proposal-link">
          New proposal
        </Link>
      </div>
      <SectionBoundary name="Voting power">
        <VotingPowerPanel renderedAt={Date.now()} initialDashboard={accountLens} />
      </SectionBoundary>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-100">Proposals</h2>
      <OutageNotices
        now={Date.now()}
        refreshSeconds={refreshSeconds}
        notices={[{ failure: proposals.failure, shownFrom: read ? `${read.rows.length} proposals, ${readFrom(read.blockNumber, proposals.fetchedAt, Date.now())}` : null }]}
      />
      {catchUp ? (
        <IndexerCatchUpNotice className="mb-6" catchUp={catchUp} refreshSeconds={refreshSeconds} shows="Proposals and their votes appear as it reaches the blocks they were made in." />
      ) : null}
      <div className="mb-4">
        <StateFilter current={filter} />
      </div>
      {read ? (
        <SectionBoundary name="The proposal list">
          <ProposalList rows={rows} now={read.chainTime} historyComplete={progress.value?.ready === true} />
        </SectionBoundary>
      ) : (
        <p className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300" data-testid="proposals-unavailable">
          Proposals are not available: {error}
        </p>
      )}
    </>
  );
}
