/** Vote shares and quorum progress, in basis points of what the bars need. */
export interface VoteTally {
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
}

export const SUPPORT_LABELS = ['Against', 'For', 'Abstain'] as const;

/** Part of whole as a percentage with one decimal (0 when whole is 0). */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 1000n) / whole) / 10;
}

/** OZ GovernorCountingSimple counts For and Abstain towards quorum. */
export function quorumVotes(t: VoteTally): bigint {
  return t.forVotes + t.abstainVotes;
}

/** Where the quorum line sits on a bar scaled to max(total, quorum), in percent. */
export function barScale(t: VoteTally, quorum: bigint): { total: bigint; scale: bigint; quorumAt: number } {
  const total = t.forVotes + t.againstVotes + t.abstainVotes;
  const scale = total > quorum ? total : quorum;
  return { total, scale, quorumAt: percentOf(quorum, scale) };
}
