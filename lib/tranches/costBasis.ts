export interface Flow {
  trancheId: number;
  /**
   * A settlement closes shares of an ended epoch (a restarted tranche) for what the wipe left: a withdrawal here.
   * `transfer-in`/`transfer-out`: shares received from or sent to another address, `assets` being their value at the
   * vault's price at the end of that block. `forfeit`: shares a lapsed exit request burned, `assets` the earnings
   * they carried (no assets are paid to anyone).
   */
  kind: 'deposit' | 'withdraw' | 'settlement' | 'transfer-in' | 'transfer-out' | 'forfeit';
  assets: bigint;
  shares: bigint;
  timestamp: number;
  blockNumber: bigint;
}

export interface CostBasis {
  /** Assets paid in for the shares still held, by the average-cost method. */
  costBasis: bigint;
  /** Shares the indexed events account for (differs from the balance only while the indexer lags the chain). */
  sharesTracked: bigint;
  /** Assets taken out minus the cost of the shares that left. */
  realisedPnl: bigint;
}

const EMPTY: CostBasis = { costBasis: 0n, sharesTracked: 0n, realisedPnl: 0n };

/** Whether a flow adds shares to the account (the others take shares away). */
export const addsShares = (flow: Flow) => flow.kind === 'deposit' || flow.kind === 'transfer-in';

/**
 * One flow applied to a running cost basis, by the average-cost method:
 * - a deposit, or shares received by transfer, adds its assets to the cost and its shares to the holding (a received
 *   share costs what it was worth when it arrived: the vault's convertToAssets at that block, rounded down);
 * - a withdrawal, a settlement, or shares sent by transfer removes cost in proportion to the shares that leave
 *   (cost × leaving ÷ held, rounded down) and realises the difference between their assets and that cost: a transfer
 *   out is a disposal at the vault's price, so giving shares away does not show as a loss;
 * - a forfeit burns shares but pays nothing: the cost stays with the shares left (what was forfeited was earnings,
 *   which leave the value, not the cost); if no share is left, the remaining cost is realised as a loss.
 * Shares that leave beyond what the events account for are capped at the tracked holding.
 */
export function applyFlow(state: CostBasis, flow: Flow): CostBasis {
  let { costBasis, sharesTracked, realisedPnl } = state;
  if (addsShares(flow)) {
    return { costBasis: costBasis + flow.assets, sharesTracked: sharesTracked + flow.shares, realisedPnl };
  }
  const leaving = flow.shares > sharesTracked ? sharesTracked : flow.shares;
  if (flow.kind === 'forfeit') {
    sharesTracked -= leaving;
    if (sharesTracked === 0n) {
      realisedPnl -= costBasis;
      costBasis = 0n;
    }
    return { costBasis, sharesTracked, realisedPnl };
  }
  const removedCost = sharesTracked === 0n ? 0n : (costBasis * leaving) / sharesTracked;
  return {
    costBasis: costBasis - removedCost,
    sharesTracked: sharesTracked - leaving,
    realisedPnl: realisedPnl + flow.assets - removedCost,
  };
}

/**
 * The account's cost basis in one tranche after all its flows (see applyFlow). A settlement of a restarted tranche's
 * old shares is a withdrawal, so a new epoch starts from a clean cost basis.
 */
export function averageCost(flows: readonly Flow[], trancheId: number): CostBasis {
  return flows.filter((flow) => flow.trancheId === trancheId).reduce(applyFlow, EMPTY);
}

/** Shares held just before `blockNumber`, from the flows alone. */
export function sharesHeldBefore(flows: readonly Flow[], trancheId: number, blockNumber: bigint): bigint {
  let held = 0n;
  for (const flow of flows) {
    if (flow.trancheId !== trancheId || flow.blockNumber >= blockNumber) continue;
    held += addsShares(flow) ? flow.shares : -flow.shares;
  }
  return held < 0n ? 0n : held;
}
