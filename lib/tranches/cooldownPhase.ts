interface RequestFigures {
  shares: bigint;
  cooldownEnd: number;
  windowEnd: number;
  /** The most the request pays: its value at request less the tranche's losses since. */
  requestValue: bigint;
  /** What closing the request now forfeits: the premium its shares earned since it was made. */
  forfeitable: bigint;
}

export type CooldownPhase =
  | { kind: 'none' }
  | ({ kind: 'cooling' } & RequestFigures)
  | ({ kind: 'open' } & RequestFigures)
  | ({ kind: 'lapsed' } & RequestFigures);

/**
 * Where an exit request stands at chain time `now`, with the vault's own boundaries: withdrawals are open for
 * cooldownEnd ≤ now < windowEnd. A request whose shares have all been withdrawn counts as none.
 */
export function cooldownPhase(
  request: {
    cooldownShares: bigint;
    cooldownEnd: bigint;
    windowEnd: bigint;
    requestValue: bigint;
    forfeitable: bigint;
  },
  now: number,
): CooldownPhase {
  const cooldownEnd = Number(request.cooldownEnd);
  const windowEnd = Number(request.windowEnd);
  if (windowEnd === 0 || request.cooldownShares === 0n) return { kind: 'none' };
  const base = {
    shares: request.cooldownShares,
    cooldownEnd,
    windowEnd,
    requestValue: request.requestValue,
    forfeitable: request.forfeitable,
  };
  if (now < cooldownEnd) return { kind: 'cooling', ...base };
  if (now < windowEnd) return { kind: 'open', ...base };
  return { kind: 'lapsed', ...base };
}
