// The single sampler-state row, shared by the block sampler and the loss handlers.
import type { Context } from 'ponder:registry';
import { samplerState } from 'ponder:schema';

export const STATE_ID = 0;

type Db = Context['db'];
export type SamplerState = typeof samplerState.$inferSelect;

export async function readState(db: Db): Promise<SamplerState> {
  return (
    (await db.find(samplerState, { id: STATE_ID })) ?? {
      id: STATE_ID,
      lastSampleTime: null,
      lossBlock: null,
      peakSharePrices: [],
      headBlock: null,
      headTime: null,
    }
  );
}

export async function writeState(db: Db, state: SamplerState): Promise<void> {
  const { id, ...rest } = state;
  await db.insert(samplerState).values(state).onConflictDoUpdate(rest);
}

/** Marks `blockNumber` as having a loss, so the block handler (which runs after the block's logs) samples it. */
export async function markLossBlock(db: Db, blockNumber: bigint): Promise<void> {
  await writeState(db, { ...(await readState(db)), lossBlock: blockNumber });
}
