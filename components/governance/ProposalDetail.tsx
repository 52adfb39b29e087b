'use client';

import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { ProposalForClient } from '@/lib/governance/proposalForClient';
import type { IndexedVote } from '@/lib/indexer/proposalsSchema';
import { ActionList } from './ActionList';
import { ProposalEffectPanel } from './ProposalEffectPanel';
import { executeBlockedReason, queueBlockedReason, voteBlockedReason } from './proposalReasons';
import { QueueExecuteButton } from './QueueExecutePanel';
import { StateBadge } from './StateBadge';
import { Timeline } from './Timeline';
import { useGovernanceSession } from './useGovernanceSession';
import { useProposalChainState } from './useProposalChainState';
import { VoteBars, VoteBarsPending } from './VoteBars';
import { VotePanel } from './VotePanel';
import { VoterTable } from './VoterTable';
import { ConnectPrompt } from '@/components/wallet/ConnectPrompt';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { usePolledStatus } from '@/components/sources/usePolledStatus';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { ProposalEffectPayload } from '@/lib/governance/proposalEffectPayload';
import { formatElapsed } from '@/lib/format/age';
import { CHAIN_SOURCE } from '@/lib/sources/names';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';
import type { SourceStatus } from '@/lib/sources/status';

/** One proposal: live state and tally, its actions in words, timeline, voters, and vote / queue / execute. */
export function ProposalDetail({
  proposal,
  description,
  votes,
  renderedAt,
  initialDashboard,
  initialStatus,
  initialEffect,
}: {
  /** Without its description, which arrives rendered (`description`) and is not sent twice. */
  proposal: ProposalForClient;
  /** The description, rendered on the server (components/governance/Markdown.tsx): the parser never ships to the browser. */
  description: ReactNode;
  votes: IndexedVote[];
  renderedAt: number;
  /** The server's lens read, so the actions are in words from the first paint. */
  initialDashboard: Dashboard | null;
  /** The server's read of the node: if it failed, the page says so before the browser's first read. */
  initialStatus: SourceStatus;
  /** The server's "effect if executed" figures, so the block is laid out from the first paint. */
  initialEffect: ProposalEffectPayload | null;
}) {
  const router = useRouter();
  const config = usePublicConfig();
  const session = useGovernanceSession(renderedAt, initialDashboard);
  const id = BigInt(proposal.proposalId);
  const chain = useProposalChainState(id, session.account);
  const s = chain.data;
  const now = session.now;
  const chainStatus = usePolledStatus(
    chain,
    CHAIN_SOURCE,
    initialStatus,
    s ? `the state and tally read ${formatElapsed(chain.dataUpdatedAt, session.nowMs)}` : null,
  );

  return (
    <div className="space-y-6">
      <SourceNotices sources={sourcesOnChain(config, [chainStatus])} now={renderedAt} />
      <div className="flex items-center gap-3">
        <StateBadge state={s?.state ?? 'loading'} testId="proposal-state" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
            <h2 className="mb-3 text-lg font-semibold text-slate-100">What it does</h2>
            <ActionList targets={proposal.targets} calldatas={proposal.calldatas} dashboard={session.dashboard} />
          </section>
          <section
            aria-labelledby="effect-heading"
            className="rounded-xl border border-slate-800 bg-slate-900/60 p-5"
            data-testid="proposal-effect"
          >
            <h2 id="effect-heading" className="mb-3 text-lg font-semibold text-slate-100">
              Effect if executed
            </h2>
            {proposal.executed || proposal.canceled ? (
              <p className="mb-3 text-sm text-slate-400" data-testid="effect-settled">
                {proposal.executed
                  ? 'Already executed: its values are in force, so “before” includes them.'
                  : 'Canceled: it will not be executed; the figures are what it would have done now.'}
              </p>
            ) : null}
            <ProposalEffectPanel
              proposalId={proposal.proposalId}
              account={session.account}
              initial={initialEffect}
              renderedAt={renderedAt}
              tranches={session.dashboard?.tranches ?? []}
            />
          </section>
          <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">{description}</section>
          <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
            <h2 className="mb-3 text-lg font-semibold text-slate-100">Voters</h2>
            <VoterTable votes={votes} />
          </section>
        </div>
        <div className="space-y-6">
          <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
            <h2 className="mb-3 text-lg font-semibold text-slate-100">Votes</h2>
            {s ? <VoteBars tally={s} quorum={s.quorum} /> : <VoteBarsPending />}
          </section>
          <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
            <h2 className="mb-3 text-lg font-semibold text-slate-100">Timeline</h2>
            <Timeline
              proposal={proposal}
              eta={s?.eta ?? 0n}
              state={s?.state ?? 'unknown'}
              timelockDelay={session.dashboard?.governance.timelockDelay ?? 0n}
              now={now}
            />
          </section>
          {!session.account ? (
            <ConnectPrompt>Connect a wallet to vote, queue or execute.</ConnectPrompt>
          ) : s ? (
            <>
              <VotePanel
                key={session.account}
                proposalId={id}
                account={session.account}
                blockedReason={voteBlockedReason(s, now)}
                errorContext={session.errorContext}
                onConfirmed={() => setTimeout(() => router.refresh(), 1_500)}
              />
              <section className="space-y-4 rounded-xl border border-slate-800 p-4">
                <h3 className="font-medium text-slate-100">Queue and execute</h3>
                <QueueExecuteButton
                  kind="queue"
                  proposal={proposal}
                  account={session.account}
                  blockedReason={queueBlockedReason(s)}
                  errorContext={session.errorContext}
                />
                <QueueExecuteButton
                  kind="execute"
                  proposal={proposal}
                  account={session.account}
                  blockedReason={executeBlockedReason(s, now)}
                  errorContext={session.errorContext}
                />
              </section>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
