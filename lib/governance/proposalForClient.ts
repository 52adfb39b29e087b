import { keccak256, toBytes, type Hex } from 'viem';
import type { IndexedProposal } from '@/lib/indexer/proposalsSchema';

/**
 * A proposal as the browser gets it: without its description (chosen on chain by the proposer, up to any length, and
 * already rendered on the server), with the description's hash that queue and execute need.
 */
export type ProposalForClient = Omit<IndexedProposal, 'description'> & { descriptionHash: Hex };

export function proposalForClient(proposal: IndexedProposal): ProposalForClient {
  const { description, ...rest } = proposal;
  return { ...rest, descriptionHash: keccak256(toBytes(description)) };
}
