import { describe, expect, it } from 'vitest';
import { lossRecordFromChain } from '../lossRecordFromChain';
import { buildLossRecordPayload, chainLossRecordFromPayload, type LossForRecord } from './lossRecordPayload';

const M = 10n ** 6n;
const lens = {
  blockNumber: 500n,
  timestamp: BigInt(90 * 86_400),
  tranches: [
    { id: 0, totalAssets: 0n },
    { id: 1, totalAssets: 908_420n * M },
    { id: 2, totalAssets: 3_000_000n * M },
  ],
};
const sample = (block: number, day: number, junior: bigint, mezz: bigint) => ({
  blockNumber: String(block),
  timestamp: day * 86_400,
  tranches: [
    { id: 0, totalAssets: String(junior) },
    { id: 1, totalAssets: String(mezz) },
    { id: 2, totalAssets: String(3_000_000n * M) },
  ],
});
const loss = (lossId: number, block: number, paid: bigint[]): LossForRecord => ({
  lossId: String(lossId),
  timestamp: 60 * 86_400,
  blockNumber: String(block),
  paid: paid.map(String),
});

describe('loss record payload', () => {
  it('puts back what each loss and the later ones in its block paid onto the capital sampled after it', () => {
    // Two losses in block 300, sampled after both: Junior (500k) is wiped by the first, Mezzanine pays both.
    const samples = [sample(300, 60, 0n, 900_000n * M), sample(10, 1, 500_000n * M, 1_000_000n * M)];
    const losses = [loss(2, 300, [0n, 40_000n * M, 0n]), loss(1, 300, [500_000n * M, 60_000n * M, 0n])];
    const payload = buildLossRecordPayload(lens, samples, losses, null);
    expect(payload.from).toBe(86_400);
    expect(payload.to).toBe(90 * 86_400);
    expect(payload.problem).toBeNull();
    expect(payload.losses.map((l) => l.lossId)).toEqual(['1', '2']);
    expect(payload.losses[0]?.capitalBefore).toEqual([
      String(500_000n * M),
      String(1_000_000n * M),
      String(3_000_000n * M),
    ]);
    expect(payload.losses[1]?.capitalBefore).toEqual(['0', String(940_000n * M), String(3_000_000n * M)]);
    expect(payload.losses[0]?.paid).toEqual([String(500_000n * M), String(60_000n * M), '0']);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it("falls back to the lens's capital when no sample follows the loss yet, and says why a record is missing", () => {
    const payload = buildLossRecordPayload(lens, [], [loss(1, 450, [0n, 91_580n * M, 0n])], null);
    expect(payload.losses[0]?.capitalBefore[1]).toBe(String(1_000_000n * M));
    expect(payload.from).toBe(60 * 86_400); // nothing sampled: the window starts at the first loss
    const failed = buildLossRecordPayload(lens, null, null, 'indexer down');
    expect(failed).toMatchObject({ losses: [], problem: 'indexer down', from: null });
    expect(chainLossRecordFromPayload(failed)).toBeNull();
  });

  it('round-trips into the floats and window (years) experience rating reads', () => {
    const payload = buildLossRecordPayload(lens, [sample(10, 0, 0n, 0n)], [loss(1, 450, [0n, 91_580n * M, 0n])], null);
    const view = chainLossRecordFromPayload(payload);
    expect(view).not.toBeNull();
    const record = lossRecordFromChain(view!, 6);
    expect(record.years).toBeCloseTo(90 / 365, 12);
    expect(record.losses[0]?.paid).toEqual([0, 91_580, 0]);
    expect(record.losses[0]?.capitalBefore).toEqual([0, 1_000_000, 3_000_000]);
    expect(lossRecordFromChain({ from: null, to: 5, losses: [] }, 6).years).toBe(0);
    expect(lossRecordFromChain({ from: 10, to: 5, losses: [] }, 6).years).toBe(0);
  });
});
