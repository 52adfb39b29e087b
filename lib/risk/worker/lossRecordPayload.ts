import type { ChainLossRecord } from '../lossRecordFromChain';

/**
 * The chain's loss record as GET /api/risk/inputs carries it: per loss what each tranche paid and its capital just
 * before, raw integers as decimal strings, indexed by tranche id (0 = Junior), plus the window the record covers.
 * Built on the server from the cached indexer reads (/api/losses and /api/samples).
 */
export interface LossRecordPayload {
  /** Start of the indexed window (unix s): the first indexed sample; null when nothing is indexed yet. */
  from: number | null;
  /** End of the window: the lens block's time. */
  to: number;
  losses: { lossId: string; timestamp: number; paid: string[]; capitalBefore: string[] }[];
  /** Why the record could not be read (the quotes are then the model's alone). */
  problem: string | null;
}

/** The indexed loss fields read here (docs/interfaces.md, GET /api/losses). */
export interface LossForRecord {
  lossId: string;
  timestamp: number;
  blockNumber: string;
  paid: readonly string[];
}

/** The indexed sample fields read here: the tranches' capital at a block. */
export interface SampleForRecord {
  blockNumber: string;
  timestamp: number;
  tranches: readonly { id: number; totalAssets: string }[];
}

/**
 * Capital just before a loss = the capital at the first sample taken at or after its block (the indexer samples
 * every block with a loss, after the block's events) plus what this loss and every later one up to that sample paid.
 * With no such sample yet, the lens's current capital stands in for it.
 */
export function buildLossRecordPayload(
  lens: { blockNumber: bigint; timestamp: bigint; tranches: readonly { id: number; totalAssets: bigint }[] },
  samples: readonly SampleForRecord[] | null,
  losses: readonly LossForRecord[] | null,
  failure: string | null,
): LossRecordPayload {
  const to = Number(lens.timestamp);
  let from: number | null = null;
  for (const s of samples ?? []) if (from === null || s.timestamp < from) from = s.timestamp;
  if (!losses) return { from, to, losses: [], problem: failure ?? 'the indexer has not answered yet' };

  const ordered = [...losses].sort(
    (a, b) =>
      compareBigint(BigInt(a.blockNumber), BigInt(b.blockNumber)) || compareBigint(BigInt(a.lossId), BigInt(b.lossId)),
  );
  const ids = lens.tranches.map((t) => t.id);
  const width = Math.max(0, ...ids.map((id) => id + 1), ...ordered.map((l) => l.paid.length));
  const byBlock = [...(samples ?? [])].sort((a, b) => compareBigint(BigInt(a.blockNumber), BigInt(b.blockNumber)));

  const record = ordered.map((loss, i) => {
    const block = BigInt(loss.blockNumber);
    const after = byBlock.find((s) => BigInt(s.blockNumber) >= block);
    const afterBlock = after ? BigInt(after.blockNumber) : lens.blockNumber;
    const capitalBefore = Array.from({ length: width }, (_, id) => {
      const capitalAfter = after
        ? after.tranches.find((t) => t.id === id)?.totalAssets
        : lens.tranches.find((t) => t.id === id)?.totalAssets.toString();
      let capital = BigInt(capitalAfter ?? '0');
      for (const later of ordered.slice(i)) {
        if (BigInt(later.blockNumber) > afterBlock) break;
        capital += BigInt(later.paid[id] ?? '0');
      }
      return capital.toString();
    });
    const paid = Array.from({ length: width }, (_, id) => loss.paid[id] ?? '0');
    return { lossId: loss.lossId, timestamp: loss.timestamp, paid, capitalBefore };
  });
  const first = record[0]?.timestamp;
  if (first !== undefined && (from === null || first < from)) from = first;
  return { from, to, losses: record, problem: null };
}

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Back to bigint views for lib/risk/lossRecordFromChain.ts; null when the record could not be read. */
export function chainLossRecordFromPayload(payload: LossRecordPayload | undefined): ChainLossRecord | null {
  if (!payload || payload.problem !== null) return null;
  return {
    from: payload.from,
    to: payload.to,
    losses: payload.losses.map((l) => ({
      timestamp: l.timestamp,
      paid: l.paid.map((x) => BigInt(x)),
      capitalBefore: l.capitalBefore.map((x) => BigInt(x)),
    })),
  };
}
