import { db } from 'ponder:api';
import { flow } from 'ponder:schema';
import { asc, eq } from 'ponder';
import { Hono } from 'hono';
import type { FlowsAnswer } from '../../../../lib/indexer/schema';
import { addressParam } from '../params';

export const accounts = new Hono().get('/:address/flows', async (c) => {
  const account = addressParam(c.req.param('address'), 'address');
  const rows = await db
    .select()
    .from(flow)
    .where(eq(flow.account, account))
    .orderBy(asc(flow.blockNumber), asc(flow.logIndex));
  return c.json({
    flows: rows.map((row) => ({
      trancheId: row.trancheId,
      kind: row.kind,
      assets: row.assets.toString(),
      shares: row.shares.toString(),
      sender: row.sender,
      receiver: row.receiver,
      timestamp: row.timestamp,
      blockNumber: row.blockNumber.toString(),
      transactionHash: row.transactionHash,
    })),
  } satisfies FlowsAnswer);
});
