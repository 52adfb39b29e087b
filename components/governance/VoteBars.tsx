import type { ReactNode } from 'react';
import { Amount } from '@/components/ui/Amount';
import { barScale, percentOf, quorumVotes, type VoteTally } from '@/lib/governance/votes';

/** One line of the tally: label, bar track, figure. The tally and its pending frame share it, so they match. */
function VoteRow({ label, children, figure }: { label: string; children?: ReactNode; figure: ReactNode }) {
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="w-14 text-slate-400">{label}</span>
      <div className="relative h-2 flex-1 rounded bg-slate-800">{children}</div>
      {figure}
    </div>
  );
}

/** VoteBars' frame while the tally is read: the same rows and lines, so the tally takes its place without a jump. */
export function VoteBarsPending() {
  return (
    <div className="space-y-1.5" aria-busy="true" data-testid="vote-bars-pending">
      {['For', 'Against', 'Abstain'].map((label) => (
        <VoteRow key={label} label={label} figure={<span className="w-44 text-right text-slate-500">…</span>} />
      ))}
      <p className="text-xs text-slate-400">Reading the tally…</p>
    </div>
  );
}

/** For / against / abstain as bars on one scale, with the quorum drawn as a line (For + Abstain count towards it). */
export function VoteBars({
  tally,
  quorum,
  compact = false,
}: {
  tally: VoteTally;
  quorum: bigint | null;
  compact?: boolean;
}) {
  const { total, scale, quorumAt } = barScale(tally, quorum ?? 0n);
  const rows = [
    { label: 'For', value: tally.forVotes, color: 'bg-emerald-500' },
    { label: 'Against', value: tally.againstVotes, color: 'bg-rose-500' },
    { label: 'Abstain', value: tally.abstainVotes, color: 'bg-slate-400' },
  ];
  const counted = quorumVotes(tally);
  const votes = (v: bigint) => <Amount value={v} decimals={18} fractionDigits={0} unit="BSG" />;
  return (
    <div className="space-y-1.5" data-testid="vote-bars">
      {rows.map((row) => (
        <VoteRow
          key={row.label}
          label={row.label}
          figure={
            compact ? null : (
              <span
                className="figure w-44 text-right text-slate-300"
                data-testid={`votes-${row.label.toLowerCase()}`}
                data-raw={row.value.toString()}
              >
                {votes(row.value)} ({percentOf(row.value, total)}%)
              </span>
            )
          }
        >
          <div className={`h-2 rounded ${row.color}`} style={{ width: `${percentOf(row.value, scale)}%` }} />
          {quorum !== null && quorum > 0n && row.label !== 'Against' ? (
            <div className="absolute -top-1 h-4 w-px bg-amber-300" style={{ left: `${quorumAt}%` }} title="quorum" />
          ) : null}
        </VoteRow>
      ))}
      <p className="text-xs text-slate-400" data-testid="quorum-progress">
        {quorum === null ? (
          'Quorum is fixed when voting starts.'
        ) : (
          <>
            Quorum: {votes(counted)} of {votes(quorum)} ({percentOf(counted, quorum)}%)
            {counted >= quorum ? ' — reached' : ''}
          </>
        )}
      </p>
    </div>
  );
}
