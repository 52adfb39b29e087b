import { ponder, type Context, type Event } from 'ponder:registry';
import { proposal, vote } from 'ponder:schema';

ponder.on('BackstopGovernor:ProposalCreated', async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(proposal).values({
    proposalId: args.proposalId,
    proposer: args.proposer,
    description: args.description,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    // The governor runs on a timestamp clock, so these timepoints are unix seconds.
    voteStart: Number(args.voteStart),
    voteEnd: Number(args.voteEnd),
    targets: [...args.targets],
    calldatas: [...args.calldatas],
    values: args.values.map((value) => value.toString()),
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    queuedEta: null,
    executed: false,
    canceled: false,
  });
});

type VoteEvent = Event<'BackstopGovernor:VoteCast'> | Event<'BackstopGovernor:VoteCastWithParams'>;

async function recordVote(context: Context, event: VoteEvent, params: `0x${string}` | null): Promise<void> {
  const { voter, proposalId, support, weight, reason } = event.args;
  await context.db.insert(vote).values({
    proposalId,
    voter,
    support,
    weight,
    reason,
    params,
    timestamp: Number(event.block.timestamp),
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
  await context.db
    .update(proposal, { proposalId })
    .set((row) =>
      support === 1
        ? { forVotes: row.forVotes + weight }
        : support === 0
          ? { againstVotes: row.againstVotes + weight }
          : { abstainVotes: row.abstainVotes + weight },
    );
}

ponder.on('BackstopGovernor:VoteCast', async ({ event, context }) => {
  await recordVote(context, event, null);
});

ponder.on('BackstopGovernor:VoteCastWithParams', async ({ event, context }) => {
  await recordVote(context, event, event.args.params);
});

ponder.on('BackstopGovernor:ProposalQueued', async ({ event, context }) => {
  await context.db
    .update(proposal, { proposalId: event.args.proposalId })
    .set({ queuedEta: Number(event.args.etaSeconds), queuedAt: Number(event.block.timestamp) });
});

ponder.on('BackstopGovernor:ProposalExecuted', async ({ event, context }) => {
  await context.db
    .update(proposal, { proposalId: event.args.proposalId })
    .set({ executed: true, executedAt: Number(event.block.timestamp) });
});

ponder.on('BackstopGovernor:ProposalCanceled', async ({ event, context }) => {
  await context.db.update(proposal, { proposalId: event.args.proposalId }).set({ canceled: true });
});
