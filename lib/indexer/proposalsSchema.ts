import { z } from 'zod';
import { address, hex, rawInt, txHash } from './wireTypes';

/** `GET /api/proposals` (docs/interfaces.md, "Indexer HTTP API"). */
export const indexedProposalSchema = z.object({
  proposalId: rawInt,
  proposer: address,
  description: z.string(),
  timestamp: z.number(),
  voteStart: z.number(),
  voteEnd: z.number(),
  targets: z.array(address),
  calldatas: z.array(hex),
  values: z.array(rawInt),
  forVotes: rawInt,
  againstVotes: rawInt,
  abstainVotes: rawInt,
  queuedEta: z.number().nullable(),
  /** When it was queued and executed (block times); absent from indexers older than these fields. */
  queuedAt: z.number().nullable().optional(),
  executedAt: z.number().nullable().optional(),
  executed: z.boolean(),
  canceled: z.boolean(),
});

/** `GET /api/proposals/:id/votes`. */
export const indexedVoteSchema = z.object({
  voter: address,
  support: z.number().int().min(0).max(2),
  weight: rawInt,
  reason: z.string(),
  params: z.string().nullable().optional(),
  timestamp: z.number(),
  blockNumber: rawInt,
  transactionHash: txHash,
});

export const proposalsResponse = z.object({ proposals: z.array(indexedProposalSchema) });
export const votesResponse = z.object({ votes: z.array(indexedVoteSchema) });

export type IndexedProposal = z.infer<typeof indexedProposalSchema>;
export type IndexedVote = z.infer<typeof indexedVoteSchema>;

/** What each route answers, for the Ponder routes to check their responses against. */
export type ProposalsAnswer = z.input<typeof proposalsResponse>;
export type VotesAnswer = z.input<typeof votesResponse>;
