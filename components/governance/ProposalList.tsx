import { ChainLink } from '@/components/chains/ChainLink';
import { proposalTitle, PROPOSAL_STATES } from '@/lib/governance/proposalState';
import { formatDuration } from '@/lib/tranches/duration';
import type { ProposalRow } from '@/lib/governance/readProposals';
import { StateBadge } from './StateBadge';
import { VoteBars } from './VoteBars';

/** Filter links by state (the choice lives in the URL: ?state=active). */
export function StateFilter({ current }: { current: string | null }) {
  const link = (state: string | null, label: string) => (
    <ChainLink
      key={label}
      href={state ? `/governance?state=${state}` : '/governance'}
      className={`rounded-full border px-3 py-1 text-xs ${current === state ? 'border-amber-400 text-amber-200' : 'border-slate-700 text-slate-400 hover:text-slate-200'}`}
      data-testid={`filter-${state ?? 'all'}`}
      aria-current={current === state ? 'page' : undefined}
    >
      {label}
    </ChainLink>
  );
  return (
    <nav aria-label="Filter by state" className="flex flex-wrap gap-2">
      {[link(null, 'all'), ...PROPOSAL_STATES.map((s) => link(s, s))]}
    </nav>
  );
}

function timeLeft(row: ProposalRow, now: number): string {
  const p = row.proposal;
  if (row.state === 'pending') return `voting starts in ${formatDuration(p.voteStart - now)}`;
  if (row.state === 'active') return `${formatDuration(p.voteEnd - now)} left to vote`;
  if (row.state === 'queued' && p.queuedEta !== null)
    return p.queuedEta > now ? `executable in ${formatDuration(p.queuedEta - now)}` : 'executable now';
  return 'voting ended';
}

/** `historyComplete`: the indexer said it has read the whole history; until then an empty list may only be early. */
export function ProposalList({
  rows,
  now,
  historyComplete,
}: {
  rows: ProposalRow[];
  now: number;
  historyComplete: boolean;
}) {
  if (rows.length === 0) {
    return (
      <p className="text-slate-400" data-testid="proposals-empty">
        {historyComplete
          ? 'No proposals in this state.'
          : 'No proposals in this state among the blocks indexed so far.'}
      </p>
    );
  }
  return (
    <ul className="space-y-3" data-testid="proposal-list">
      {rows.map((row) => {
        const p = row.proposal;
        return (
          <li
            key={p.proposalId}
            className="rounded-xl border border-slate-800 bg-slate-900/60 p-4"
            data-testid="proposal-row"
            data-state={row.state}
          >
            <div className="mb-2 flex flex-wrap items-center gap-3">
              <StateBadge state={row.state} />
              <ChainLink
                href={`/governance/${p.proposalId}`}
                className="font-medium text-slate-100 hover:text-amber-200"
                data-testid="proposal-link"
              >
                {proposalTitle(p.description)}
              </ChainLink>
              <span className="ml-auto text-xs text-slate-400">{timeLeft(row, now)}</span>
            </div>
            <VoteBars
              tally={{
                forVotes: BigInt(p.forVotes),
                againstVotes: BigInt(p.againstVotes),
                abstainVotes: BigInt(p.abstainVotes),
              }}
              quorum={row.quorum}
              compact
            />
          </li>
        );
      })}
    </ul>
  );
}
