// ERC-4626 Deposit/Withdraw of the three tranche vaults, per owner of the shares, and the settlements a restarted
// (wiped) tranche pays on its old shares, which close those shares as a withdrawal would.
import { ponder, type Context } from 'ponder:registry';
import { flow } from 'ponder:schema';

type Hex = `0x${string}`;

/** What every flow takes from its log, whichever event it is. */
interface FlowLog {
  id: string;
  log: { address: Hex; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}

type FlowFields = Pick<typeof flow.$inferInsert, 'account' | 'kind' | 'assets' | 'shares' | 'sender' | 'receiver'>;

function trancheId(context: Context, vault: Hex): number {
  const vaults = context.contracts.TrancheVault.address as readonly string[];
  const id = vaults.findIndex((address) => address.toLowerCase() === vault.toLowerCase());
  if (id < 0) throw new Error(`Deposit/Withdraw from ${vault}, which is not a tranche vault of this deployment.`);
  return id;
}

async function insertFlow(context: Context, event: FlowLog, fields: FlowFields): Promise<void> {
  await context.db.insert(flow).values({
    id: event.id,
    trancheId: trancheId(context, event.log.address),
    ...fields,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

ponder.on('TrancheVault:Deposit', async ({ event, context }) => {
  const { owner, assets, shares, sender } = event.args;
  await insertFlow(context, event, { account: owner, kind: 'deposit', assets, shares, sender, receiver: null });
});

ponder.on('TrancheVault:Withdraw', async ({ event, context }) => {
  const { owner, assets, shares, sender, receiver } = event.args;
  await insertFlow(context, event, { account: owner, kind: 'withdraw', assets, shares, sender, receiver });
});

ponder.on('TrancheVault:SettlementPaid', async ({ event, context }) => {
  const { account, assets, shares } = event.args;
  await insertFlow(context, event, {
    account,
    kind: 'settlement',
    assets,
    shares,
    sender: event.transaction.from,
    receiver: account,
  });
});
