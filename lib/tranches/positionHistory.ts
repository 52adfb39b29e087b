import { applyFlow, type CostBasis, type Flow } from './costBasis';

/** A tranche's books at an indexed sample: what ERC-4626 converts shares with at the end of that block. */
export interface TrancheBooks {
  timestamp: number;
  blockNumber: bigint;
  totalAssets: bigint;
  totalSupply: bigint;
}

/** The account's position as the lens reads it now: balanceOf and convertToAssets of it, at one block. */
export interface LensPosition {
  timestamp: number;
  blockNumber: bigint;
  shares: bigint;
  value: bigint;
}

export interface PositionPoint {
  timestamp: number;
  blockNumber: bigint;
  /** `sample`: valued from an indexed sample's books; `lens`: the lens's own figures, the newest point. */
  source: 'sample' | 'lens';
  shares: bigint;
  /** What the shares convert to, in asset units (raw integer). */
  value: bigint;
  /** Average cost of the shares held (lib/tranches/costBasis.ts). */
  costBasis: bigint;
  /** Assets deposited minus assets withdrawn or settled (transfers and forfeits move no assets of yours). */
  netDeposited: bigint;
  realisedPnl: bigint;
  /** value − costBasis + realisedPnl: everything gained or lost so far, held or not. */
  pnl: bigint;
}

/**
 * ERC-4626's convertToAssets as OpenZeppelin computes it, rounded down: shares × (totalAssets + 1) ÷ (totalSupply +
 * virtualShares), where virtualShares = 10^(share decimals − asset decimals) (the vault's decimals offset).
 */
export function convertToAssets(shares: bigint, books: TrancheBooks, virtualShares: bigint): bigint {
  return (shares * (books.totalAssets + 1n)) / (books.totalSupply + virtualShares);
}

interface Running extends CostBasis {
  netDeposited: bigint;
}

function step(state: Running, flow: Flow): Running {
  const cost = applyFlow(state, flow);
  const moved =
    flow.kind === 'deposit' ? flow.assets : flow.kind === 'withdraw' || flow.kind === 'settlement' ? -flow.assets : 0n;
  return { ...cost, netDeposited: state.netDeposited + moved };
}

function point(state: Running, at: Omit<PositionPoint, 'costBasis' | 'netDeposited' | 'realisedPnl' | 'pnl'>) {
  return {
    ...at,
    costBasis: state.costBasis,
    netDeposited: state.netDeposited,
    realisedPnl: state.realisedPnl,
    pnl: at.value - state.costBasis + state.realisedPnl,
  };
}

/**
 * An account's position in one tranche over time: a point per indexed sample from its first flow on, each after the
 * flows of blocks up to the sample's (a sample is read at the end of its block), the shares those flows add up to
 * valued with that sample's books; then a last point with the lens's shares and value (`now`), after every flow up
 * to its block. Exact integers throughout; the only rounding is convertToAssets' (down).
 * Not modelled: between a wipe and the account's settlement, its old-epoch shares are valued at the new epoch's books.
 */
export function positionHistory(args: {
  flows: readonly Flow[];
  trancheId: number;
  /** Oldest first. */
  samples: readonly TrancheBooks[];
  virtualShares: bigint;
  now: LensPosition | null;
}): PositionPoint[] {
  const flows = args.flows.filter((f) => f.trancheId === args.trancheId);
  const first = flows[0];
  let state: Running = { costBasis: 0n, sharesTracked: 0n, realisedPnl: 0n, netDeposited: 0n };
  let next = 0;
  const advanceTo = (blockNumber: bigint) => {
    while (next < flows.length && flows[next]!.blockNumber <= blockNumber) state = step(state, flows[next++]!);
  };
  const points: PositionPoint[] = [];
  for (const books of args.samples) {
    if (!first || books.blockNumber < first.blockNumber) continue;
    if (args.now && books.blockNumber >= args.now.blockNumber) break;
    advanceTo(books.blockNumber);
    const { timestamp, blockNumber } = books;
    const value = convertToAssets(state.sharesTracked, books, args.virtualShares);
    points.push(point(state, { timestamp, blockNumber, source: 'sample', shares: state.sharesTracked, value }));
  }
  if (args.now && (first || args.now.shares > 0n)) {
    advanceTo(args.now.blockNumber);
    const { timestamp, blockNumber, shares, value } = args.now;
    points.push(point(state, { timestamp, blockNumber, source: 'lens', shares, value }));
  }
  return points;
}

/**
 * The history with its newest point re-read from a fresher lens (the position panel's), so the chart ends on the very
 * figure the panel shows. Cost basis and realised PnL stay those of the last point: they change only with a flow,
 * which the next fetch of the history brings. A lens older than the history's own last point changes nothing.
 */
export function withLensPoint(points: readonly PositionPoint[], lens: LensPosition): PositionPoint[] {
  const last = points.at(-1);
  if (!last || lens.blockNumber < last.blockNumber) return [...points];
  const kept = last.source === 'lens' ? points.slice(0, -1) : [...points];
  const { timestamp, blockNumber, shares, value } = lens;
  return [
    ...kept,
    {
      ...last,
      timestamp,
      blockNumber,
      source: 'lens',
      shares,
      value,
      pnl: value - last.costBasis + last.realisedPnl,
    },
  ];
}
