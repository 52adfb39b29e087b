export type CooldownPhase =
  | { kind: 'none' }
  | { kind: 'cooling'; shares: bigint; cooldownEnd: number; windowEnd: number }
  | { kind: 'open'; shares: bigint; cooldownEnd: number; windowEnd: number }
  | { kind: 'lapsed'; shares: bigint; cooldownEnd: number; windowEnd: number };

/**
 * Where an exit request stands at chain time `now`, with the vault's own boundaries: withdrawals are open for
 * cooldownEnd ≤ now < windowEnd. A request whose shares have all been withdrawn counts as none.
 */
export function cooldownPhase(request: { cooldownShares: bigint; cooldownEnd: bigint; windowEnd: bigint }, now: number): CooldownPhase {
  const cooldownEnd = Number(request.cooldownEnd);
  const windowEnd = Number(request.windowEnd);
  if (windowEnd === 0 || request.cooldownShares === 0n) return { kind: 'none' };
  const base = { shares: request.cooldownShares, cooldownEnd, windowEnd };
  if (now < cooldownEnd) return { kind: 'cooling', ...base };
  if (now < windowEnd) return { kind: 'open', ...base };
  return { kind: 'lapsed', ...base };
}
