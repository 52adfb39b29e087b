import { formatDuration, formatUtc } from '@/lib/tranches/duration';
import type { ProposalChainState } from './useProposalChainState';

const when = (at: bigint, now: number) => `in ${formatDuration(Number(at) - now)} (at ${formatUtc(Number(at))})`;

/** Why the account cannot vote now, or null if it can. */
export function voteBlockedReason(s: ProposalChainState, now: number): string | null {
  if (s.state === 'pending') return `Voting has not started: it opens ${when(s.snapshot, now)}.`;
  if (s.state !== 'active') return `Voting has ended: the proposal is ${s.state}.`;
  if (Number(s.deadline) < now) return 'Voting has ended.';
  if (s.hasVoted) return 'You have already voted on this proposal: a vote cannot be changed.';
  if (s.votesAtSnapshot === 0n) {
    return 'You had no voting power when this proposal was created: votes count as delegated at its snapshot, so delegate before the next proposal.';
  }
  return null;
}

/** Why the proposal cannot be queued now, or null if it can. */
export function queueBlockedReason(s: ProposalChainState): string | null {
  if (s.state === 'succeeded') return null;
  if (s.state === 'pending' || s.state === 'active')
    return 'Voting has not ended yet: a proposal can be queued once it has succeeded.';
  if (s.state === 'queued' || s.state === 'executed') return `Already ${s.state}.`;
  return `The proposal is ${s.state}: only a succeeded proposal can be queued.`;
}

/** Why the proposal cannot be executed now, or null if it can. */
export function executeBlockedReason(s: ProposalChainState, now: number): string | null {
  if (s.state === 'executed') return 'Already executed.';
  if (s.state === 'succeeded') return 'Queue the proposal first: it runs through the timelock.';
  if (s.state !== 'queued') return `The proposal is ${s.state}: only a queued proposal can be executed.`;
  if (Number(s.eta) > now) return `The timelock delay has not passed: executable ${when(s.eta, now)}.`;
  return null;
}
