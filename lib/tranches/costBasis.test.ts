import { describe, expect, it } from 'vitest';
import { averageCost, sharesHeldBefore, type Flow } from './costBasis';
import { lossesWhileHeld } from './lossesWhileHeld';

const flow = (kind: Flow['kind'], assets: bigint, shares: bigint, blockNumber: bigint, trancheId = 1): Flow => ({
  trancheId,
  kind,
  assets,
  shares,
  timestamp: Number(blockNumber),
  blockNumber,
});

describe('averageCost', () => {
  it('adds deposits and removes cost in proportion to the shares withdrawn', () => {
    const flows = [
      flow('deposit', 1_000n, 1_000n, 1n),
      flow('deposit', 2_200n, 2_000n, 2n), // average cost now 3 200 / 3 000
      flow('withdraw', 1_200n, 1_500n, 3n), // half the shares leave: half the cost (1 600)
      flow('deposit', 999n, 999n, 4n, 0), // another tranche
    ];
    expect(averageCost(flows, 1)).toEqual({ costBasis: 1_600n, sharesTracked: 1_500n, realisedPnl: -400n });
  });

  it("closes a restarted tranche's old shares at their settlement, so the new epoch starts from a clean basis", () => {
    const flows = [
      flow('deposit', 100_000n, 100_000_000n, 1n, 0),
      flow('settlement', 8_571n, 100_000_000n, 2n, 0), // wiped, restarted: the old shares are paid what was left
      flow('deposit', 50_000n, 50_000n, 3n, 0), // the new epoch's shares, at the initial price
    ];
    expect(averageCost(flows, 0)).toEqual({
      costBasis: 50_000n,
      sharesTracked: 50_000n,
      realisedPnl: 8_571n - 100_000n,
    });
    expect(sharesHeldBefore(flows, 0, 3n)).toBe(0n);
  });

  it('takes received shares at their value then, and disposes of sent shares at theirs', () => {
    const flows = [
      flow('deposit', 3_000n, 3_000n, 1n), // 1 per share
      flow('transfer-in', 1_100n, 1_000n, 2n), // received at 1.1: cost 4 100 for 4 000 shares
      flow('transfer-out', 2_400n, 2_000n, 3n), // sent at 1.2: cost 4 100 × 2 000 / 4 000 = 2 050 leaves
    ];
    // Realised: 2 400 − 2 050 = 350; 2 000 shares left carry 2 050 of cost.
    expect(averageCost(flows, 1)).toEqual({ costBasis: 2_050n, sharesTracked: 2_000n, realisedPnl: 350n });
    expect(sharesHeldBefore(flows, 1, 3n)).toBe(4_000n);
  });

  it('rounds the cost that leaves down, so the cost left over keeps the remainder', () => {
    const flows = [flow('deposit', 1_000n, 3n, 1n), flow('transfer-out', 300n, 1n, 2n)];
    // 1 000 × 1 / 3 = 333.33… → 333 leaves, 667 stays; realised 300 − 333 = −33.
    expect(averageCost(flows, 1)).toEqual({ costBasis: 667n, sharesTracked: 2n, realisedPnl: -33n });
  });

  it('keeps the cost on the shares a forfeit leaves, and realises it only when none are left', () => {
    const partial = [flow('deposit', 1_000n, 1_000n, 1n), flow('forfeit', 20n, 100n, 2n)];
    expect(averageCost(partial, 1)).toEqual({ costBasis: 1_000n, sharesTracked: 900n, realisedPnl: 0n });
    const all = [...partial, flow('forfeit', 5n, 900n, 3n)];
    expect(averageCost(all, 1)).toEqual({ costBasis: 0n, sharesTracked: 0n, realisedPnl: -1_000n });
  });

  it('is empty without flows', () => {
    expect(averageCost([], 1)).toEqual({ costBasis: 0n, sharesTracked: 0n, realisedPnl: 0n });
  });
});

describe('lossesWhileHeld', () => {
  it('charges each loss by the share held just before it', () => {
    const flows = [flow('deposit', 1_000n, 1_000n, 10n), flow('withdraw', 500n, 500n, 30n)];
    const losses = [
      { blockNumber: 5n, paid: 1_000n, totalSupply: 10_000n }, // before the deposit: not ours
      { blockNumber: 20n, paid: 1_000n, totalSupply: 10_000n }, // 1 000 of 10 000 shares → 100
      { blockNumber: 40n, paid: 2_000n, totalSupply: 5_000n }, // 500 of 5 000 → 200
      { blockNumber: 50n, paid: 0n, totalSupply: 5_000n },
      { blockNumber: 60n, paid: 10n, totalSupply: null },
    ];
    expect(lossesWhileHeld(flows, 1, losses)).toEqual({ absorbed: 300n, count: 2, unknown: 1 });
  });
});
