import { z } from 'zod';

/** Raw integers travel as decimal strings (docs/interfaces.md, "Indexer HTTP API"). */
const rawInt = z.string().regex(/^-?\d+$/, { error: 'expected a decimal integer string' });
const rawUint = z.string().regex(/^\d+$/, { error: 'expected a decimal non-negative integer string' });

const sampleTranche = z.object({
  id: z.number().int().min(0).max(2),
  totalAssets: rawInt,
  totalSupply: rawInt,
  sharePrice: rawInt,
  peakSharePrice: rawInt,
  drawdownBps: z.number(),
});

const sampleMarket = z.object({
  id: z.number(),
  name: z.string(),
  price: rawInt,
  priceDecimals: z.number(),
  longNotional: rawInt,
  shortNotional: rawInt,
});

export const sampleSchema = z.object({
  blockNumber: rawInt,
  timestamp: z.number(),
  totalCapital: rawInt,
  requiredCapital: rawInt,
  solvencyRatio: rawInt,
  tranches: z.array(sampleTranche),
  markets: z.array(sampleMarket),
});

export const lossSchema = z.object({
  lossId: rawInt,
  marketId: z.number(),
  market: z.string(),
  timestamp: z.number(),
  blockNumber: rawInt,
  transactionHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  shortfall: rawInt,
  covered: rawInt,
  deficit: rawInt,
  paid: z.tuple([rawInt, rawInt, rawInt]),
  sharePriceAfter: z.tuple([rawInt.nullable(), rawInt.nullable(), rawInt.nullable()]),
});

export const premiumDaySchema = z.object({
  timestamp: z.number(),
  amount: rawInt,
  byTranche: z.tuple([rawInt, rawInt, rawInt]),
});

export const samplesResponse = z.object({ samples: z.array(sampleSchema) });
export const lossesResponse = z.object({ losses: z.array(lossSchema) });
export const premiumsResponse = z.object({ premiums: z.array(premiumDaySchema) });
export const flowSchema = z.object({
  trancheId: z.number().int(),
  kind: z.enum(['deposit', 'withdraw', 'settlement']),
  assets: rawUint,
  shares: rawUint,
  timestamp: z.number(),
  blockNumber: rawUint,
});

export const flowsResponse = z.object({ flows: z.array(flowSchema) });
export const statusResponse = z.object({ latestBlock: rawInt, latestTimestamp: z.number() });

export type IndexedSample = z.infer<typeof sampleSchema>;
export type IndexedLoss = z.infer<typeof lossSchema>;
export type IndexedPremiumDay = z.infer<typeof premiumDaySchema>;
