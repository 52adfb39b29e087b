// ERC-4626 Deposit/Withdraw of the three tranche vaults, per owner of the shares, the settlements a restarted
// (wiped) tranche pays on its old shares (which close those shares as a withdrawal would), share transfers between
// accounts and the shares a lapsed exit request burns: every way an account's shares move (docs/interfaces.md).
import { ponder, type Context } from 'ponder:registry';
import { flow } from 'ponder:schema';
import { trancheVaultAbi } from '../../lib/chain/abis.generated';
import { transferSides } from '../../lib/indexer/shareTransfer';

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

async function insertFlow(context: Context, event: FlowLog, fields: FlowFields, idSuffix = ''): Promise<void> {
  await context.db.insert(flow).values({
    id: event.id + idSuffix,
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

ponder.on('TrancheVault:RequestEarningsForfeited', async ({ event, context }) => {
  const { owner, shares, assets } = event.args;
  await insertFlow(context, event, {
    account: owner,
    kind: 'forfeit',
    assets,
    shares,
    sender: event.transaction.from,
    receiver: null,
  });
});

ponder.on('TrancheVault:Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const sides = transferSides(from, to);
  if (sides.length === 0) return;
  // What the shares were worth as they moved: the vault's own ERC-4626 conversion (rounded down) at the end of the
  // transfer's block (Ponder's client reads at the event's block). The receiver's cost and the sender's proceeds.
  const assets = await context.client.readContract({
    abi: trancheVaultAbi,
    address: event.log.address,
    functionName: 'convertToAssets',
    args: [value],
  });
  for (const side of sides) {
    await insertFlow(
      context,
      event,
      { account: side.account, kind: side.kind, assets, shares: value, sender: from, receiver: to },
      side.idSuffix,
    );
  }
});
