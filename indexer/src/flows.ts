// ERC-4626 Deposit/Withdraw of the three tranche vaults, per owner of the shares, and the settlements a restarted
// (wiped) tranche pays on its old shares, which close those shares as a withdrawal would.
import { ponder, type Context } from 'ponder:registry';
import { flow } from 'ponder:schema';

function trancheId(context: Context, vault: `0x${string}`): number {
  const vaults = context.contracts.TrancheVault.address as readonly string[];
  const id = vaults.findIndex((address) => address.toLowerCase() === vault.toLowerCase());
  if (id < 0) throw new Error(`Deposit/Withdraw from ${vault}, which is not a tranche vault of this deployment.`);
  return id;
}

ponder.on('TrancheVault:Deposit', async ({ event, context }) => {
  await context.db.insert(flow).values({
    id: event.id,
    account: event.args.owner,
    trancheId: trancheId(context, event.log.address),
    kind: 'deposit',
    assets: event.args.assets,
    shares: event.args.shares,
    sender: event.args.sender,
    receiver: null,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
});

ponder.on('TrancheVault:Withdraw', async ({ event, context }) => {
  await context.db.insert(flow).values({
    id: event.id,
    account: event.args.owner,
    trancheId: trancheId(context, event.log.address),
    kind: 'withdraw',
    assets: event.args.assets,
    shares: event.args.shares,
    sender: event.args.sender,
    receiver: event.args.receiver,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
});

ponder.on('TrancheVault:SettlementPaid', async ({ event, context }) => {
  await context.db.insert(flow).values({
    id: event.id,
    account: event.args.account,
    trancheId: trancheId(context, event.log.address),
    kind: 'settlement',
    assets: event.args.assets,
    shares: event.args.shares,
    sender: event.transaction.from,
    receiver: event.args.account,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
});
