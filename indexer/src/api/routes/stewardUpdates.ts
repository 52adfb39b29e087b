import { db } from 'ponder:api';
import { stewardUpdate } from 'ponder:schema';
import { desc } from 'ponder';
import { Hono } from 'hono';
import type { StewardUpdatesAnswer } from '../../../../lib/indexer/schema';

export const stewardUpdates = new Hono().get('/', async (c) => {
  const rows = await db.select().from(stewardUpdate).orderBy(desc(stewardUpdate.timestamp), desc(stewardUpdate.id));
  return c.json({
    updates: rows.map((row) => ({
      param: row.param,
      oldValue: row.oldValue.toString(),
      newValue: row.newValue.toString(),
      timestamp: row.timestamp,
      blockNumber: row.blockNumber.toString(),
      transactionHash: row.transactionHash,
    })),
  } satisfies StewardUpdatesAnswer);
});
