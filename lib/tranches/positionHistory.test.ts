import { describe, expect, it } from 'vitest';
import type { Flow } from './costBasis';
import { positionHistory, withLensPoint, type TrancheBooks } from './positionHistory';

const V = 1_000_000n; // virtual shares: 12-decimal shares over a 6-decimal asset

/** Books at which a share converts at exactly num ÷ den: (totalAssets + 1) = num, (totalSupply + V) = den. */
const books = (blockNumber: bigint, num: bigint, den: bigint): TrancheBooks => ({
  timestamp: Number(blockNumber) * 100,
  blockNumber,
  totalAssets: num - 1n,
  totalSupply: den - V,
});

const flow = (kind: Flow['kind'], assets: bigint, shares: bigint, blockNumber: bigint, trancheId = 1): Flow => ({
  trancheId,
  kind,
  assets,
  shares,
  timestamp: Number(blockNumber) * 100,
  blockNumber,
});

const FLOWS = [
  flow('deposit', 1_000n, 1_000_000_000n, 10n),
  flow('deposit', 7n, 7n, 11n, 2), // another tranche: ignored
  flow('transfer-in', 550n, 500_000_000n, 15n), // worth 550 as it arrived
  flow('withdraw', 360n, 300_000_000n, 20n),
  flow('transfer-out', 240n, 200_000_000n, 25n),
];

const SAMPLES = [
  books(5n, 1n, 1_000_000n), // before the first deposit: no point
  books(12n, 1_100n, 1_000_000_000n), // 1.1e-6 per share
  books(21n, 12n, 10_000_000n), // 1.2e-6
  books(30n, 7n, 10_000_000n), // a loss: 0.7e-6
  books(35n, 1n, 3_000_000n), // 1 ÷ 3e6: rounds
  books(40n, 1n, 1_000_000n), // at the lens's block: the lens point stands for it
];

describe('positionHistory', () => {
  const points = positionHistory({
    flows: FLOWS,
    trancheId: 1,
    samples: SAMPLES,
    virtualShares: V,
    now: { timestamp: 4_000, blockNumber: 40n, shares: 1_000_000_000n, value: 345n },
  });
  const row = (i: number) => {
    const p = points[i]!;
    return [p.blockNumber, p.source, p.shares, p.value, p.costBasis, p.netDeposited, p.realisedPnl, p.pnl];
  };

  it('values the shares at each sample and carries cost through a deposit, a transfer in, a withdrawal, a transfer out and a loss', () => {
    expect(points).toHaveLength(5);
    // After the deposit: 1e9 shares × 1 100 ÷ 1e9 = 1 100; cost 1 000; PnL +100.
    expect(row(0)).toEqual([12n, 'sample', 1_000_000_000n, 1_100n, 1_000n, 1_000n, 0n, 100n]);
    // Transfer in: cost 1 550 for 1.5e9 shares. Withdrawal of 3e8 for 360: 1 550 × 3e8 ÷ 1.5e9 = 310 of cost leaves,
    // 50 realised, net deposited 1 000 − 360 = 640. 1.2e9 shares × 12 ÷ 1e7 = 1 440; PnL 1 440 − 1 240 + 50 = 250.
    expect(row(1)).toEqual([21n, 'sample', 1_200_000_000n, 1_440n, 1_240n, 640n, 50n, 250n]);
    // Transfer out of 2e8 at 240: 1 240 × 2e8 ÷ 1.2e9 = 206.67 → 206 leaves, realised 50 + 240 − 206 = 84; net
    // deposited unchanged. The loss: 1e9 × 7 ÷ 1e7 = 700; PnL 700 − 1 034 + 84 = −250.
    expect(row(2)).toEqual([30n, 'sample', 1_000_000_000n, 700n, 1_034n, 640n, 84n, -250n]);
    // 1e9 × 1 ÷ 3e6 = 333.33 → 333 (down, as convertToAssets); PnL 333 − 1 034 + 84 = −617.
    expect(row(3)).toEqual([35n, 'sample', 1_000_000_000n, 333n, 1_034n, 640n, 84n, -617n]);
  });

  it("ends on the lens's shares and value, with the cost of every flow up to its block", () => {
    expect(row(4)).toEqual([40n, 'lens', 1_000_000_000n, 345n, 1_034n, 640n, 84n, -605n]);
    expect(points[4]!.timestamp).toBe(4_000);
  });

  it('counts a flow after the last sample in the lens point only', () => {
    const late = positionHistory({
      flows: [flow('deposit', 1_000n, 1_000_000_000n, 10n), flow('deposit', 500n, 400_000_000n, 13n)],
      trancheId: 1,
      samples: [books(12n, 1_100n, 1_000_000_000n)],
      virtualShares: V,
      now: { timestamp: 1_400, blockNumber: 14n, shares: 1_400_000_000n, value: 1_600n },
    });
    expect(late.map((p) => [p.shares, p.costBasis, p.pnl])).toEqual([
      [1_000_000_000n, 1_000n, 100n],
      [1_400_000_000n, 1_500n, 100n],
    ]);
  });

  it('is empty for an account that never held shares, and the lens point alone while the indexer has none', () => {
    const base = { trancheId: 1, samples: SAMPLES, virtualShares: V };
    const none = { timestamp: 4_000, blockNumber: 40n, shares: 0n, value: 0n };
    expect(positionHistory({ ...base, flows: [], now: none })).toEqual([]);
    const lagging = positionHistory({ ...base, flows: [], now: { ...none, shares: 10n, value: 9n } });
    expect(lagging.map((p) => [p.source, p.value, p.costBasis, p.pnl])).toEqual([['lens', 9n, 0n, 9n]]);
  });
});

describe('withLensPoint', () => {
  const history = positionHistory({
    flows: FLOWS,
    trancheId: 1,
    samples: SAMPLES.slice(0, 4),
    virtualShares: V,
    now: null,
  });

  it("replaces or appends the newest point with the panel's lens figures, keeping cost and realised PnL", () => {
    const lens = { timestamp: 4_100, blockNumber: 41n, shares: 1_000_000_000n, value: 1_100n };
    const once = withLensPoint(history, lens);
    expect(once).toHaveLength(history.length + 1);
    expect(once.at(-1)).toMatchObject({ source: 'lens', blockNumber: 41n, value: 1_100n, costBasis: 1_034n });
    expect(once.at(-1)!.pnl).toBe(1_100n - 1_034n + 84n);
    const again = withLensPoint(once, { ...lens, blockNumber: 42n, value: 1_200n });
    expect(again).toHaveLength(once.length);
    expect(again.at(-1)!.pnl).toBe(1_200n - 1_034n + 84n);
  });

  it('ignores a lens older than the history', () => {
    expect(withLensPoint(history, { timestamp: 0, blockNumber: 29n, shares: 1n, value: 1n })).toEqual(history);
  });
});
