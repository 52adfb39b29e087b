import { db } from 'ponder:api';
import { sample } from 'ponder:schema';
import { asc, gte } from 'ponder';
import { Hono } from 'hono';
import type { SamplesAnswer } from '../../../../lib/indexer/schema';
import { unixParam } from '../params';

export const samples = new Hono().get('/', async (c) => {
  const from = unixParam(c.req.query('from'), 'from');
  const rows = await db.select().from(sample).where(gte(sample.timestamp, from)).orderBy(asc(sample.timestamp));
  return c.json({
    samples: rows.map((row) => ({
      blockNumber: row.blockNumber.toString(),
      timestamp: row.timestamp,
      totalCapital: row.totalCapital.toString(),
      requiredCapital: row.requiredCapital.toString(),
      solvencyRatio: row.solvencyRatio.toString(),
      tranches: row.tranches,
      markets: row.markets,
      ...(row.premium ? { premium: row.premium } : {}),
      ...(row.protocols ? { protocols: row.protocols } : {}),
    })),
  } satisfies SamplesAnswer);
});
