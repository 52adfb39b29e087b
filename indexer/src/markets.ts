import { ponder } from 'ponder:registry';
import { market, protocolMarket } from 'ponder:schema';
import { isAddressEqual } from 'viem';
import { readIndexerEnv } from '../lib/env';

const firstClearinghouse = readIndexerEnv().deployment.contracts.clearinghouse;

ponder.on('Clearinghouse:MarketAdded', async ({ event, context }) => {
  const clearinghouse = event.log.address;
  const marketId = Number(event.args.marketId);
  await context.db
    .insert(protocolMarket)
    .values({ id: `${clearinghouse.toLowerCase()}:${marketId}`, clearinghouse, marketId, name: event.args.name })
    .onConflictDoUpdate({ name: event.args.name });
  if (!isAddressEqual(clearinghouse, firstClearinghouse)) return;
  await context.db
    .insert(market)
    .values({ id: marketId, name: event.args.name })
    .onConflictDoUpdate({ name: event.args.name });
});
