import { db } from 'ponder:api';
import { premium } from 'ponder:schema';
import { asc, gte, sql, sum } from 'ponder';
import { Hono } from 'hono';
import type { PremiumsAnswer } from '../../../../lib/indexer/schema';
import { BadRequest, unixParam } from '../params';

const BUCKET_SECONDS = { day: 86_400 } as const;

export const premiums = new Hono().get('/', async (c) => {
  const from = unixParam(c.req.query('from'), 'from');
  const bucketName = c.req.query('bucket') ?? 'day';
  if (!(bucketName in BUCKET_SECONDS))
    throw new BadRequest(`bucket must be one of ${Object.keys(BUCKET_SECONDS).join(', ')}`);
  const size = BUCKET_SECONDS[bucketName as keyof typeof BUCKET_SECONDS];

  const bucket = sql<number>`(${premium.timestamp} / ${sql.raw(String(size))}) * ${sql.raw(String(size))}`.mapWith(
    Number,
  );
  const rows = await db
    .select({ bucket, trancheId: premium.trancheId, amount: sum(premium.amount) })
    .from(premium)
    .where(gte(premium.timestamp, from))
    .groupBy(bucket, premium.trancheId)
    .orderBy(asc(bucket));

  // A PremiumPaid row (trancheId null) is the payment; TranchePremium rows are its split by tranche.
  const buckets = new Map<number, { amount: bigint; byTranche: [bigint, bigint, bigint] }>();
  for (const row of rows) {
    const entry = buckets.get(row.bucket) ?? { amount: 0n, byTranche: [0n, 0n, 0n] };
    const amount = BigInt(row.amount ?? '0');
    if (row.trancheId === null) entry.amount += amount;
    else entry.byTranche[row.trancheId] = (entry.byTranche[row.trancheId] ?? 0n) + amount;
    buckets.set(row.bucket, entry);
  }
  return c.json({
    premiums: [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(
        ([
          timestamp,
          {
            amount,
            byTranche: [junior, mezzanine, senior],
          },
        ]) => ({
          timestamp,
          amount: amount.toString(),
          byTranche: [junior.toString(), mezzanine.toString(), senior.toString()],
        }),
      ),
  } satisfies PremiumsAnswer);
});
