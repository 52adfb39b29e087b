import { ponder } from 'ponder:registry';
import { premium, strategyYield } from 'ponder:schema';

ponder.on('BackstopModule:PremiumPaid', async ({ event, context }) => {
  await context.db.insert(premium).values({
    id: event.id,
    trancheId: null,
    amount: event.args.amount,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
  });
});

ponder.on('BackstopModule:TranchePremium', async ({ event, context }) => {
  await context.db.insert(premium).values({
    id: event.id,
    trancheId: event.args.trancheId,
    amount: event.args.amount,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
  });
});

ponder.on('BackstopModule:StrategyYield', async ({ event, context }) => {
  await context.db.insert(strategyYield).values({
    id: event.id,
    trancheId: event.args.trancheId,
    strategy: event.args.strategy,
    amount: event.args.amount,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
  });
});
