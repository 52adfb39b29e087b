import { db } from 'ponder:api';
import { loss } from 'ponder:schema';
import { desc } from 'ponder';
import { Hono } from 'hono';
import type { LossesAnswer } from '../../../../lib/indexer/schema';

export const losses = new Hono().get('/', async (c) => {
  const rows = await db.select().from(loss).orderBy(desc(loss.timestamp), desc(loss.lossId));
  return c.json({
    losses: rows.map((row) => ({
      lossId: row.lossId.toString(),
      protocolId: row.protocolId,
      protocol: row.protocol,
      marketId: row.marketId,
      market: row.market,
      timestamp: row.timestamp,
      blockNumber: row.blockNumber.toString(),
      transactionHash: row.transactionHash,
      shortfall: row.shortfall.toString(),
      covered: row.covered.toString(),
      deficit: row.deficit.toString(),
      paid: row.paid,
      sharePriceAfter: row.sharePriceAfter,
      source: row.source,
      strategy: row.strategy,
    })),
  } satisfies LossesAnswer);
});
