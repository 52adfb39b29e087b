import { z } from 'zod';
import { address, rawInt, rawUint, txHash } from './wireTypes';

/**
 * The indexer's HTTP API, declared once: the app validates every answer with these schemas, the Ponder routes type
 * their answers with the inferred types, and docs/interfaces.md ("Indexer HTTP API") is checked against them by
 * apiDocs.test.ts. Raw integers travel as decimal strings.
 */

const sampleTranche = z.object({
  id: z.number().int().min(0).max(2),
  totalAssets: rawInt,
  totalSupply: rawInt,
  sharePrice: rawInt,
  peakSharePrice: rawInt,
  drawdownBps: z.number(),
  /** Cumulative premium and strategy yield the tranche has received (lens); absent on samples from before them. */
  premiumReceived: rawInt.optional(),
  yieldReceived: rawInt.optional(),
});

const sampleMarket = z.object({
  id: z.number(),
  name: z.string(),
  price: rawInt,
  priceDecimals: z.number(),
  longNotional: rawInt,
  shortNotional: rawInt,
});

/** A covered protocol at the sample (BackstopLens ProtocolView); its name is untrusted text. */
const sampleProtocol = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  active: z.boolean(),
  /** Absent on samples from before suspension existed (read as false). */
  suspended: z.boolean().optional(),
  /** False when the lens could not read its clearinghouse (exposure then 0: unknown); absent likewise (true). */
  readable: z.boolean().optional(),
  exposure: rawInt,
});

/** The premium curve's reading at the sample (BackstopLens PremiumView), wads. */
const samplePremium = z.object({
  utilisation: rawInt,
  multiplier: rawInt,
  volatility: rawInt,
});

export const sampleSchema = z.object({
  blockNumber: rawInt,
  timestamp: z.number(),
  totalCapital: rawInt,
  requiredCapital: rawInt,
  solvencyRatio: rawInt,
  tranches: z.array(sampleTranche),
  markets: z.array(sampleMarket),
  /** Absent on samples of a deployment without the premium curve. */
  premium: samplePremium.optional(),
  /** Absent on samples taken before the lens listed covered protocols. */
  protocols: z.array(sampleProtocol).optional(),
});

export const lossSchema = z.object({
  lossId: rawInt,
  /**
   * The covered protocol that drew the loss; null for a strategy's loss. An indexer from before protocols answers
   * neither (protocol 0).
   */
  protocolId: z.number().int().nonnegative().nullable().optional(),
  /** Its name as the module recorded it: untrusted text, shown only through lib/format/protocolName.ts. */
  protocol: z.string().optional(),
  marketId: z.number(),
  market: z.string(),
  timestamp: z.number(),
  blockNumber: rawInt,
  transactionHash: txHash,
  shortfall: rawInt,
  covered: rawInt,
  deficit: rawInt,
  paid: z.tuple([rawInt, rawInt, rawInt]),
  sharePriceAfter: z.tuple([rawInt.nullable(), rawInt.nullable(), rawInt.nullable()]),
  /**
   * What took the loss: a liquidation's shortfall the clearinghouse asked the module to cover, or a tranche's
   * strategy losing value (then `marketId` is -1, `market` empty and `strategy` the ERC-4626 vault). Absent from
   * indexers older than productive capital: a clearinghouse loss.
   */
  source: z.enum(['clearinghouse', 'strategy']).optional(),
  strategy: address.nullable().optional(),
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
  kind: z.enum(['deposit', 'withdraw', 'settlement', 'transfer-in', 'transfer-out', 'forfeit']),
  assets: rawUint,
  shares: rawUint,
  sender: address,
  receiver: address.nullable(),
  timestamp: z.number(),
  blockNumber: rawUint,
  transactionHash: txHash,
});

export const flowsResponse = z.object({ flows: z.array(flowSchema) });

export const stewardUpdateSchema = z.object({
  param: z.number().int().min(0).max(3),
  oldValue: rawInt,
  newValue: rawInt,
  timestamp: z.number(),
  blockNumber: rawInt,
  transactionHash: txHash,
});
export const stewardUpdatesResponse = z.object({ updates: z.array(stewardUpdateSchema) });
export const statusResponse = z.object({ latestBlock: rawInt, latestTimestamp: z.number() });

export type IndexedSample = z.infer<typeof sampleSchema>;
export type IndexedLoss = z.infer<typeof lossSchema>;
export type IndexedPremiumDay = z.infer<typeof premiumDaySchema>;
export type IndexedStewardUpdate = z.infer<typeof stewardUpdateSchema>;

/** What each route answers, for the Ponder routes to check their responses against. */
export type SamplesAnswer = z.input<typeof samplesResponse>;
export type LossesAnswer = z.input<typeof lossesResponse>;
export type PremiumsAnswer = z.input<typeof premiumsResponse>;
export type FlowsAnswer = z.input<typeof flowsResponse>;
export type StatusAnswer = z.input<typeof statusResponse>;
export type StewardUpdatesAnswer = z.input<typeof stewardUpdatesResponse>;
