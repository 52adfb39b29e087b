import { z } from 'zod';

const rawInt = z.string().regex(/^-?\d+$/, { error: 'expected a decimal integer string' });
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, { error: 'expected an address' });
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, { error: 'expected hex' });

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
  transactionHash: z.string(),
});

export const proposalsResponse = z.object({ proposals: z.array(indexedProposalSchema) });
export const votesResponse = z.object({ votes: z.array(indexedVoteSchema) });

export type IndexedProposal = z.infer<typeof indexedProposalSchema>;
export type IndexedVote = z.infer<typeof indexedVoteSchema>;
