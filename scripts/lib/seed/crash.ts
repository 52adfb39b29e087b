import { MARKETS } from './params';

/** A position in plain numbers: size in base units, prices and margin in dollars. */
export interface Exposure {
  marketId: number;
  isLong: boolean;
  size: number;
  entry: number;
  margin: number;
}

const MAX_SLIPPAGE = 0.5;

function rate(wad: bigint): number {
  return Number(wad) / 1e18;
}

function slippage(marketId: number, notional: number): number {
  const m = MARKETS[marketId]!;
  const depth = Number(m.liquidityDepth) / 1e6;
  return Math.min(rate(m.liquidationImpact) * Math.sqrt(notional / depth), MAX_SLIPPAGE);
}

/** Clearinghouse.initialMargin as a rate: the initial rate plus what the slippage exceeds maintenance by. */
export function initialMarginRate(marketId: number, notional: number): number {
  const m = MARKETS[marketId]!;
  return rate(m.initialMarginRate) + Math.max(0, slippage(marketId, notional) - rate(m.maintenanceMarginRate));
}

/** Whether the clearinghouse would liquidate `p` at mark price `mark`: equity below notional × max(maintenance, slippage). */
export function belowMaintenance(p: Exposure, mark: number): boolean {
  const m = MARKETS[p.marketId]!;
  const notional = p.size * mark;
  return equityAt(p, mark) < notional * Math.max(rate(m.maintenanceMarginRate), slippage(p.marketId, notional));
}

/**
 * The shortfall a liquidation at mark price `mark` would leave, mirroring Clearinghouse.liquidate: only accounts
 * below maintenance are liquidated, and the slippage charged never exceeds the equity left at the mark, so the
 * shortfall is the negative equity at the mark.
 */
export function liquidationShortfall(p: Exposure, mark: number): number {
  if (!belowMaintenance(p, mark)) return 0;
  return Math.max(0, -equityAt(p, mark));
}

/**
 * The shortfall `p` leaves when keepers look at it only at `marks`, in order (the prices at which liquidations can
 * land): it is liquidated at the first mark that finds it below maintenance, so the loss is the gap between where
 * it crossed maintenance and that later price. 0 when no mark finds it liquidatable.
 */
export function shortfallAlong(p: Exposure, marks: readonly number[]): number {
  const mark = marks.find((m) => belowMaintenance(p, m));
  return mark === undefined ? 0 : liquidationShortfall(p, mark);
}

function equityAt(p: Exposure, mark: number): number {
  return p.margin + (p.isLong ? 1 : -1) * p.size * (mark - p.entry);
}

/**
 * Total entry notional of the whales' ETH longs (split by `weights`, each posting `marginRates` of its notional, or
 * the size's initial margin when that is higher) whose liquidations at the first of `ethMarks` that finds each below
 * maintenance leave a shortfall of `target` dollars. Bisection over the first crossing: the shortfall grows with
 * size until the size-aware margin catches up.
 */
export function solveWhaleNotional(
  target: number,
  entry: number,
  ethMarks: readonly number[],
  weights: readonly number[],
  marginRates: readonly number[],
): number[] {
  const split = (total: number) => weights.map((w) => w * total);
  const shortfall = (total: number) =>
    split(total).reduce(
      (sum, n, i) =>
        sum +
        shortfallAlong(
          {
            marketId: 0,
            isLong: true,
            size: n / entry,
            entry,
            margin: n * Math.max(marginRates[i]!, initialMarginRate(0, n)),
          },
          ethMarks,
        ),
      0,
    );
  if (target <= 0) return split(0);
  let lo = 0;
  let hi = 1e6;
  while (shortfall(hi) < target) {
    hi *= 2;
    if (hi > 1e10) throw new Error(`No whale size reaches a shortfall of ${target.toFixed(0)} along the crash.`);
  }
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (shortfall(mid) < target) lo = mid;
    else hi = mid;
  }
  return split(hi);
}
