import type { TailFigure, TrancheQuote } from './types';

/** Parts per 10¹⁸: a holder's share of a tranche is read exactly from the chain's integers, then made a float once. */
const SHARE_SCALE = 10n ** 18n;

/**
 * The fraction of a tranche's shares an account holds, in [0, 1]. A loss lowers every share's price alike (a request
 * in cooldown keeps its shares and takes its part), so the account bears exactly this fraction of the tranche's loss.
 * An empty tranche or an account without shares holds 0; more shares than the supply is refused, not clamped.
 */
export function shareOfTranche(shares: bigint, totalSupply: bigint): number {
  if (shares < 0n || totalSupply < 0n) throw new RangeError('shares and supply must not be negative');
  if (shares > totalSupply) throw new RangeError(`${shares} shares exceed the supply of ${totalSupply}`);
  if (totalSupply === 0n || shares === 0n) return 0;
  return Number((shares * SHARE_SCALE) / totalSupply) / Number(SHARE_SCALE);
}

export interface PositionRisk {
  share: number;
  /** The account's expected loss per horizon (asset units). */
  expectedLoss: number;
  /** VaR and ES of the account's loss per horizon at the tranche's tail levels (asset units). */
  tails: TailFigure[];
}

/** What the tranche's loss distribution costs a holder of `share` of it: every figure scales with the share. */
export function positionRisk(quote: Pick<TrancheQuote, 'expectedLoss' | 'tails'>, share: number): PositionRisk {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`a share of a tranche is in [0, 1], got ${share}`);
  return {
    share,
    expectedLoss: quote.expectedLoss * share,
    tails: quote.tails.map((t) => ({
      level: t.level,
      valueAtRisk: t.valueAtRisk * share,
      expectedShortfall: t.expectedShortfall * share,
    })),
  };
}
