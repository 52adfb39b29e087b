export interface Flow {
  trancheId: number;
  /** A settlement closes shares of an ended epoch (a restarted tranche) for what the wipe left: a withdrawal here. */
  kind: 'deposit' | 'withdraw' | 'settlement';
  assets: bigint;
  shares: bigint;
  timestamp: number;
  blockNumber: bigint;
}

export interface CostBasis {
  /** Assets paid in for the shares still held, by the average-cost method. */
  costBasis: bigint;
  /** Shares the deposit/withdraw events account for (differs from the balance if shares were transferred). */
  sharesTracked: bigint;
  /** Assets taken out minus the cost of the shares that left. */
  realisedPnl: bigint;
}

/**
 * Average-cost method: a deposit adds its assets to the cost and its shares to the holding; a withdrawal removes
 * cost in proportion to the shares it burns (cost × burned / held, rounded down) and realises the difference
 * between the assets received and that cost. A settlement of a restarted tranche's old shares is such a withdrawal, so
 * a new epoch starts from a clean cost basis. Share transfers emit no Deposit/Withdraw, so they are not seen.
 */
export function averageCost(flows: readonly Flow[], trancheId: number): CostBasis {
  let costBasis = 0n;
  let sharesTracked = 0n;
  let realisedPnl = 0n;
  for (const flow of flows) {
    if (flow.trancheId !== trancheId) continue;
    if (flow.kind === 'deposit') {
      costBasis += flow.assets;
      sharesTracked += flow.shares;
      continue;
    }
    const burned = flow.shares > sharesTracked ? sharesTracked : flow.shares;
    const removedCost = sharesTracked === 0n ? 0n : (costBasis * burned) / sharesTracked;
    costBasis -= removedCost;
    sharesTracked -= burned;
    realisedPnl += flow.assets - removedCost;
  }
  return { costBasis, sharesTracked, realisedPnl };
}

/** Shares held just before `blockNumber`, from the flows alone. */
export function sharesHeldBefore(flows: readonly Flow[], trancheId: number, blockNumber: bigint): bigint {
  let held = 0n;
  for (const flow of flows) {
    if (flow.trancheId !== trancheId || flow.blockNumber >= blockNumber) continue;
    held += flow.kind === 'deposit' ? flow.shares : -flow.shares;
  }
  return held < 0n ? 0n : held;
}
