import { keccak256, toBytes, type Address, type Hex } from 'viem';
import type { IndexedProposal } from '@/lib/indexer/proposalsSchema';

/** The arguments governor.queue / governor.execute take for a proposal. */
export function proposalCallArgs(p: IndexedProposal): readonly [Address[], bigint[], Hex[], Hex] {
  return [p.targets as Address[], p.values.map((v) => BigInt(v)), p.calldatas as Hex[], keccak256(toBytes(p.description))];
}
