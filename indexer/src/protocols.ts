// The module's registry of covered protocols, so losses can name the protocol that drew them.
import { ponder } from 'ponder:registry';
import { protocol } from 'ponder:schema';

ponder.on('BackstopModule:ProtocolAdded', async ({ event, context }) => {
  const { protocolId, clearinghouse, name } = event.args;
  await context.db
    .insert(protocol)
    .values({ id: Number(protocolId), clearinghouse, name, active: true, suspended: false })
    .onConflictDoUpdate({ clearinghouse, name, active: true, suspended: false });
});

ponder.on('BackstopModule:ProtocolNameSet', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ name: event.args.name });
});

ponder.on('BackstopModule:ProtocolRemoved', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ active: false });
});

ponder.on('BackstopModule:ProtocolSuspended', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ suspended: true });
});

ponder.on('BackstopModule:ProtocolResumed', async ({ event, context }) => {
  await context.db.update(protocol, { id: Number(event.args.protocolId) }).set({ suspended: false });
});
