type Hex = `0x${string}`;

const ZERO = '0x0000000000000000000000000000000000000000';

/** One side of a share transfer as the indexer stores it: a flow of `account`'s (lib/tranches/costBasis.ts). */
export interface TransferSide {
  /** Suffix of the log's id, so both sides of one log get rows of their own. */
  idSuffix: ':out' | ':in';
  account: Hex;
  kind: 'transfer-out' | 'transfer-in';
}

/**
 * The flows an ERC-20 Transfer of vault shares makes. Mints (from 0) and burns (to 0) make none: each is already a
 * Deposit, a Withdraw or a RequestEarningsForfeited of its own. Sending shares to oneself changes no holding, so it
 * makes none either. Otherwise the sender's shares leave and the receiver's arrive.
 */
export function transferSides(from: Hex, to: Hex): TransferSide[] {
  const a = from.toLowerCase();
  const b = to.toLowerCase();
  if (a === ZERO || b === ZERO || a === b) return [];
  return [
    { idSuffix: ':out', account: from, kind: 'transfer-out' },
    { idSuffix: ':in', account: to, kind: 'transfer-in' },
  ];
}
