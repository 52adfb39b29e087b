import { ponder } from 'ponder:registry';
import { market } from 'ponder:schema';

ponder.on('Clearinghouse:MarketAdded', async ({ event, context }) => {
  await context.db
    .insert(market)
    .values({ id: Number(event.args.marketId), name: event.args.name })
    .onConflictDoUpdate({ name: event.args.name });
});
