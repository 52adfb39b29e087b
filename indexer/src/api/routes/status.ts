import { db } from 'ponder:api';
import { samplerState } from 'ponder:schema';
import { eq } from 'ponder';
import { Hono } from 'hono';
import type { StatusAnswer } from '../../../../lib/indexer/schema';

export const status = new Hono().get('/', async (c) => {
  const [state] = await db.select().from(samplerState).where(eq(samplerState.id, 0));
  return c.json({
    latestBlock: (state?.headBlock ?? 0n).toString(),
    latestTimestamp: state?.headTime ?? 0,
  } satisfies StatusAnswer);
});
