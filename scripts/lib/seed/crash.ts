import { MARKETS } from './params'

/** A position in plain numbers: size in base units, prices and margin in dollars. */
export interface Exposure {
  marketId: number
  isLong: boolean
  size: number
  entry: number
  margin: number
}

const MAX_SLIPPAGE = 0.5

function rate(wad: bigint): number {
  return Number(wad) / 1e18
}

/**
 * The shortfall a liquidation at mark price `mark` would leave, mirroring Clearinghouse.liquidate: only accounts
 * below maintenance are liquidated, at the mark moved against them by impact × sqrt(notional / depth).
 */
export function liquidationShortfall(p: Exposure, mark: number): number {
  const m = MARKETS[p.marketId]!
  const notional = p.size * mark
  const pnlAt = (price: number) => (p.isLong ? 1 : -1) * p.size * (price - p.entry)
  if (p.margin + pnlAt(mark) >= notional * rate(m.maintenanceMarginRate)) return 0
  const depth = Number(m.liquidityDepth) / 1e6
  const slip = Math.min(rate(m.liquidationImpact) * Math.sqrt(notional / depth), MAX_SLIPPAGE)
  const execution = p.isLong ? mark * (1 - slip) : mark * (1 + slip)
  return Math.max(0, -(p.margin + pnlAt(execution)))
}

/**
 * Total entry notional of the whales' ETH longs (split by `weights`, each posting `marginRates` of its notional)
 * whose liquidation at `crashPrice` leaves a shortfall of `target` dollars. Bisection: the shortfall only grows
 * with size (more loss and more slippage).
 */
export function solveWhaleNotional(
  target: number,
  entry: number,
  crashPrice: number,
  weights: readonly number[],
  marginRates: readonly number[],
): number[] {
  const split = (total: number) => weights.map((w) => w * total)
  const shortfall = (total: number) =>
    split(total).reduce(
      (sum, n, i) => sum + liquidationShortfall({ marketId: 0, isLong: true, size: n / entry, entry, margin: n * marginRates[i]! }, crashPrice),
      0,
    )
  if (target <= 0) return split(0)
  let lo = 0
  let hi = 1e6
  while (shortfall(hi) < target) {
    hi *= 2
    if (hi > 1e10) throw new Error(`No whale size reaches a shortfall of ${target.toFixed(0)} at ${crashPrice.toFixed(2)}.`)
  }
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2
    if (shortfall(mid) < target) lo = mid
    else hi = mid
  }
  return split(hi)
}
