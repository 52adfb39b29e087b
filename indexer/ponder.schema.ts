import { index, onchainTable, primaryKey } from 'ponder';
import type { IndexedSample } from '../lib/indexer/schema';

/** One row (id 0): what the every-block sampler needs to decide quickly whether to sample. */
export const samplerState = onchainTable('sampler_state', (t) => ({
  id: t.integer().primaryKey(),
  lastSampleTime: t.integer(),
  /** The latest block with a loss event; the block handler runs after that block's logs. */
  lossBlock: t.bigint(),
  /** Highest share price seen so far per tranche id, as decimal strings. */
  peakSharePrices: t.json().$type<string[]>().notNull(),
  /** The last block the indexer has processed (every block passes the sampler): GET /api/status. */
  headBlock: t.bigint(),
  headTime: t.integer(),
}));

/** A sample's per-tranche and per-market parts, as GET /api/samples answers them (lib/indexer/schema.ts). */
export type SampleTranche = IndexedSample['tranches'][number];
export type SampleMarket = IndexedSample['markets'][number];
export type SamplePremium = NonNullable<IndexedSample['premium']>;
export type SampleProtocol = NonNullable<IndexedSample['protocols']>[number];

export const sample = onchainTable(
  'sample',
  (t) => ({
    blockNumber: t.bigint().primaryKey(),
    timestamp: t.integer().notNull(),
    totalCapital: t.bigint().notNull(),
    requiredCapital: t.bigint().notNull(),
    /** wad; 0 when nothing is required (the lens then answers type(uint256).max). */
    solvencyRatio: t.bigint().notNull(),
    tranches: t.json().$type<SampleTranche[]>().notNull(),
    markets: t.json().$type<SampleMarket[]>().notNull(),
    premium: t.json().$type<SamplePremium>(),
    protocols: t.json().$type<SampleProtocol[]>(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** Market names from Clearinghouse.MarketAdded, so losses can name their market: protocol 0's clearinghouse. */
export const market = onchainTable('market', (t) => ({
  id: t.integer().primaryKey(),
  name: t.text().notNull(),
}));

/** Every covered protocol's market names (MarketAdded of each clearinghouse), by `${clearinghouse}:${marketId}`. */
export const protocolMarket = onchainTable('protocol_market', (t) => ({
  id: t.text().primaryKey(),
  clearinghouse: t.hex().notNull(),
  marketId: t.integer().notNull(),
  name: t.text().notNull(),
}));

/** The module's covered protocols (ProtocolAdded, ProtocolNameSet, ProtocolRemoved, ProtocolSuspended/Resumed). */
export const protocol = onchainTable('protocol', (t) => ({
  id: t.integer().primaryKey(),
  clearinghouse: t.hex().notNull(),
  name: t.text().notNull(),
  active: t.boolean().notNull(),
  /** True from ProtocolSuspended to ProtocolResumed; a removed protocol keeps the flag it had. */
  suspended: t.boolean().notNull(),
}));

export const loss = onchainTable(
  'loss',
  (t) => ({
    lossId: t.bigint().primaryKey(),
    /** The covered protocol that drew it (CoverRequested) and its name then; null (and '') for a strategy's loss. */
    protocolId: t.integer(),
    protocol: t.text().notNull(),
    marketId: t.integer().notNull(),
    market: t.text().notNull(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    shortfall: t.bigint().notNull(),
    covered: t.bigint().notNull(),
    deficit: t.bigint().notNull(),
    /** Paid by tranche id, decimal strings. */
    paid: t.json().$type<[string, string, string]>().notNull(),
    sharePriceAfter: t.json().$type<[string | null, string | null, string | null]>().notNull(),
    /** 'clearinghouse' (a cover) or 'strategy' (BackstopModule.StrategyLoss; marketId -1). */
    source: t.text().$type<'clearinghouse' | 'strategy'>().notNull(),
    strategy: t.hex(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** PremiumPaid (trancheId null: the payment) and TranchePremium (its split) rows, summed by the API per bucket. */
export const premium = onchainTable(
  'premium',
  (t) => ({
    id: t.text().primaryKey(),
    trancheId: t.integer(),
    amount: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** BackstopModule.StrategyYield: yield a tranche's strategy paid it, booked (vesting) at a report. */
export const strategyYield = onchainTable(
  'strategy_yield',
  (t) => ({
    id: t.text().primaryKey(),
    trancheId: t.integer().notNull(),
    strategy: t.hex().notNull(),
    amount: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** RiskSteward.StewardUpdate: each parameter the keeper moved through the steward. */
export const stewardUpdate = onchainTable(
  'steward_update',
  (t) => ({
    id: t.text().primaryKey(),
    param: t.integer().notNull(),
    oldValue: t.bigint().notNull(),
    newValue: t.bigint().notNull(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

export const proposal = onchainTable(
  'proposal',
  (t) => ({
    proposalId: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    description: t.text().notNull(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    voteStart: t.integer().notNull(),
    voteEnd: t.integer().notNull(),
    targets: t.json().$type<string[]>().notNull(),
    calldatas: t.json().$type<string[]>().notNull(),
    values: t.json().$type<string[]>().notNull(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    queuedEta: t.integer(),
    queuedAt: t.integer(),
    executedAt: t.integer(),
    executed: t.boolean().notNull(),
    canceled: t.boolean().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

export const vote = onchainTable(
  'vote',
  (t) => ({
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** 0 against, 1 for, 2 abstain (GovernorCountingSimple). */
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  // A voter votes once per proposal (the Governor reverts a second vote).
  (table) => ({ pk: primaryKey({ columns: [table.proposalId, table.voter] }) }),
);

/**
 * Every way an account's shares move, per account and tranche: ERC-4626 Deposit/Withdraw (the owner of the shares),
 * settlements, share transfers (one row per side) and forfeits. The position page's cost basis and history.
 */
export const flow = onchainTable(
  'flow',
  (t) => ({
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    trancheId: t.integer().notNull(),
    /**
     * `settlement`: a restarted tranche paid the account its share of what the wipe left, for its old-epoch shares.
     * `transfer-in`/`transfer-out`: shares received/sent, `assets` their convertToAssets at the end of the block.
     * `forfeit`: shares a lapsed exit request burned, `assets` the earnings they carried.
     */
    kind: t.text({ enum: ['deposit', 'withdraw', 'settlement', 'transfer-in', 'transfer-out', 'forfeit'] }).notNull(),
    assets: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    /** Who sent the assets (deposit), called withdraw, or sent the shares (transfer). */
    sender: t.hex().notNull(),
    /** Who received the assets of a withdrawal or the shares of a transfer; null for deposits and forfeits. */
    receiver: t.hex(),
    timestamp: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account) }),
);
