import { ponder } from 'ponder:registry';
import { stewardUpdate } from 'ponder:schema';

ponder.on('RiskSteward:StewardUpdate', async ({ event, context }) => {
  await context.db.insert(stewardUpdate).values({
    id: event.id,
    param: event.args.param,
    oldValue: event.args.oldValue,
    newValue: event.args.newValue,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
});
