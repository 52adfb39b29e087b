// The module's registry of covered protocols, so losses can name the protocol that drew them.
import { ponder } from 'ponder:registry';
import { protocol } from 'ponder:schema';

ponder.on('BackstopModule:ProtocolAdded', async ({ event, context }) => {
  const { protocolId, clearinghouse, name } = event.args;
  await context.db
    .insert(protocol)
    .values({ id: Number(protocolId), clearinghouse, name, active: true })
    .onConflictDoUpdate({ clearinghouse, name, active: true });
});

ponder.on('BackstopModule:ProtocolNameSet', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ name: event.args.name });
});

ponder.on('BackstopModule:ProtocolRemoved', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ active: false });
});
