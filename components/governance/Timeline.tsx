import type { ProposalForClient } from '@/lib/governance/proposalForClient';
import { LocalTime } from '@/components/ui/LocalTime';

/** Created → voting starts → voting ends → queued → executable at → executed; future steps are dimmed. */
export function Timeline({
  proposal,
  eta,
  state,
  timelockDelay,
  now,
}: {
  proposal: ProposalForClient;
  eta: bigint;
  state: string;
  timelockDelay: bigint;
  now: number;
}) {
  const etaAt = eta > 0n ? Number(eta) : proposal.queuedEta;
  const steps: { label: string; at: number | null; done: boolean; note?: string }[] = [
    { label: 'Created', at: proposal.timestamp, done: true },
    { label: 'Voting starts', at: proposal.voteStart, done: now >= proposal.voteStart },
    { label: 'Voting ends', at: proposal.voteEnd, done: now > proposal.voteEnd },
    { label: 'Queued', at: etaAt ? etaAt - Number(timelockDelay) : null, done: etaAt !== null && etaAt > 0 },
    { label: 'Executable at', at: etaAt || null, done: etaAt !== null && etaAt > 0 && now >= etaAt },
    {
      label: 'Executed',
      at: null,
      done: state === 'executed' || proposal.executed,
      note: state === 'executed' || proposal.executed ? 'yes' : state === 'canceled' ? 'canceled' : 'not yet',
    },
  ];
  return (
    <ol className="space-y-2 border-l border-slate-700 pl-4 text-sm" data-testid="proposal-timeline">
      {steps.map((s) => (
        <li key={s.label} className={s.done ? 'text-slate-200' : 'text-slate-400'} data-done={s.done}>
          <span className="font-medium">{s.label}</span>
          {': '}
          {s.at !== null ? <LocalTime unix={s.at} className="figure" /> : <span>{s.note ?? '—'}</span>}
        </li>
      ))}
    </ol>
  );
}
