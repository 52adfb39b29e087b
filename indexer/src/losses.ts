// One loss row per lossId. A cover's row is assembled from the opening CoverRequested (which protocol drew it), its
// TrancheLossAbsorbed draws, an optional Deficit and the closing LossCovered (emitted in that order, in one
// transaction). A strategy's loss is its one TrancheLossAbsorbed and a closing StrategyLoss instead: a row with source
// 'strategy', on that tranche only, drawn by no protocol.
import { ponder, type Context, type Event } from 'ponder:registry';
import { loss, market, protocol, protocolMarket } from 'ponder:schema';
import { markLossBlock } from '../lib/state';

type LossEvent =
  | Event<'BackstopModule:CoverRequested'>
  | Event<'BackstopModule:TrancheLossAbsorbed'>
  | Event<'BackstopModule:Deficit'>
  | Event<'BackstopModule:LossCovered'>
  | Event<'BackstopModule:StrategyLoss'>;

function emptyLoss(event: LossEvent) {
  return {
    lossId: event.args.lossId,
    protocolId: null as number | null,
    protocol: '',
    marketId: 0,
    market: '',
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    shortfall: 0n,
    covered: 0n,
    deficit: 0n,
    paid: ['0', '0', '0'] as [string, string, string],
    sharePriceAfter: [null, null, null] as [string | null, string | null, string | null],
    source: 'clearinghouse' as 'clearinghouse' | 'strategy',
    strategy: null as `0x${string}` | null,
  };
}

async function currentLoss(context: Context, event: LossEvent) {
  return (await context.db.find(loss, { lossId: event.args.lossId })) ?? emptyLoss(event);
}

async function saveLoss(context: Context, row: typeof loss.$inferInsert): Promise<void> {
  const { lossId, ...rest } = row;
  await context.db.insert(loss).values(row).onConflictDoUpdate(rest);
}

ponder.on('BackstopModule:CoverRequested', async ({ event, context }) => {
  const row = await currentLoss(context, event);
  const { protocolId, clearinghouse, marketId } = event.args;
  const [registered, named] = await Promise.all([
    context.db.find(protocol, { id: Number(protocolId) }),
    context.db.find(protocolMarket, { id: `${clearinghouse.toLowerCase()}:${Number(marketId)}` }),
  ]);
  await saveLoss(context, {
    ...row,
    protocolId: Number(protocolId),
    protocol: registered?.name ?? '',
    marketId: Number(marketId),
    market: named?.name ?? `#${Number(marketId)}`,
  });
  await markLossBlock(context.db, event.block.number);
});

ponder.on('BackstopModule:TrancheLossAbsorbed', async ({ event, context }) => {
  const row = await currentLoss(context, event);
  const id = event.args.trancheId;
  const paid = [...row.paid] as [string, string, string];
  const after = [...row.sharePriceAfter] as [string | null, string | null, string | null];
  paid[id] = (BigInt(paid[id] ?? '0') + event.args.amount).toString();
  after[id] = event.args.sharePriceAfter.toString();
  await saveLoss(context, { ...row, paid, sharePriceAfter: after });
  await markLossBlock(context.db, event.block.number);
});

ponder.on('BackstopModule:Deficit', async ({ event, context }) => {
  const row = await currentLoss(context, event);
  await saveLoss(context, { ...row, marketId: Number(event.args.marketId), deficit: event.args.amount });
  await markLossBlock(context.db, event.block.number);
});

ponder.on('BackstopModule:LossCovered', async ({ event, context }) => {
  const row = await currentLoss(context, event);
  const marketId = Number(event.args.marketId);
  // CoverRequested named the market on its own protocol's clearinghouse; `market` holds protocol 0's.
  const name = row.market || ((await context.db.find(market, { id: marketId }))?.name ?? `#${marketId}`);
  await saveLoss(context, {
    ...row,
    marketId,
    market: name,
    shortfall: event.args.shortfall,
    covered: event.args.covered,
    deficit: event.args.deficit,
  });
  await markLossBlock(context.db, event.block.number);
});

ponder.on('BackstopModule:StrategyLoss', async ({ event, context }) => {
  const row = await currentLoss(context, event);
  await saveLoss(context, {
    ...row,
    marketId: -1,
    market: '',
    shortfall: event.args.amount,
    covered: event.args.amount,
    deficit: 0n,
    source: 'strategy',
    strategy: event.args.strategy,
  });
  await markLossBlock(context.db, event.block.number);
});
