/**
 * Exits pay the lower of the shares' value when the exit was requested, less the tranche's losses since, and their
 * value now (the vault's rule; see docs/contracts.md): shares under a request bear losses and earn no premium. This says, for a preview, whether that rule holds anything back and why, in the user's terms.
 */
export interface ExitPreview {
  /** What the exit pays (the vault's owner-aware preview). */
  paid: bigint;
  /** What the same shares are worth now at the vault-wide price. */
  valueNow: bigint;
}

export type ExitNote = { kind: 'none' } | { kind: 'withheld'; withheld: bigint };

/** 'withheld' when the exit pays less than the shares are worth now: the difference stays with the tranche. */
export function exitNote({ paid, valueNow }: ExitPreview): ExitNote {
  return valueNow > paid ? { kind: 'withheld', withheld: valueNow - paid } : { kind: 'none' };
}

/** The sentence under a withdrawal preview; `format` renders an asset amount. */
export function exitNoteSentence(note: ExitNote, format: (amount: bigint) => string): string | null {
  if (note.kind === 'none') return null;
  return (
    `You get the value your shares had when you requested the exit, less the tranche's losses since: shares waiting ` +
    `to leave earn no premium. The ${format(note.withheld)} they earned since stays with the tranche's other holders.`
  );
}
