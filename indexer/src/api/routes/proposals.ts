import { db } from 'ponder:api';
import { proposal, vote } from 'ponder:schema';
import { asc, desc, eq } from 'ponder';
import { Hono } from 'hono';
import type { ProposalsAnswer, VotesAnswer } from '../../../../lib/indexer/proposalsSchema';
import { uintParam } from '../params';

export const proposals = new Hono()
  .get('/', async (c) => {
    const rows = await db.select().from(proposal).orderBy(desc(proposal.timestamp), desc(proposal.blockNumber));
    return c.json({
      proposals: rows.map((row) => ({
        proposalId: row.proposalId.toString(),
        proposer: row.proposer,
        description: row.description,
        timestamp: row.timestamp,
        voteStart: row.voteStart,
        voteEnd: row.voteEnd,
        targets: row.targets,
        calldatas: row.calldatas,
        values: row.values,
        forVotes: row.forVotes.toString(),
        againstVotes: row.againstVotes.toString(),
        abstainVotes: row.abstainVotes.toString(),
        queuedEta: row.queuedEta,
        queuedAt: row.queuedAt,
        executedAt: row.executedAt,
        executed: row.executed,
        canceled: row.canceled,
      })),
    } satisfies ProposalsAnswer);
  })
  .get('/:id/votes', async (c) => {
    const proposalId = uintParam(c.req.param('id'), 'proposal id');
    const rows = await db
      .select()
      .from(vote)
      .where(eq(vote.proposalId, proposalId))
      .orderBy(asc(vote.timestamp), asc(vote.blockNumber));
    return c.json({
      votes: rows.map((row) => ({
        voter: row.voter,
        support: row.support,
        weight: row.weight.toString(),
        reason: row.reason,
        params: row.params,
        timestamp: row.timestamp,
        blockNumber: row.blockNumber.toString(),
        transactionHash: row.transactionHash,
      })),
    } satisfies VotesAnswer);
  });
