import type { Address, Hex } from 'viem';
import type { ProposalForClient } from '@/lib/governance/proposalForClient';

/** The arguments governor.queue / governor.execute take for a proposal. */
export function proposalCallArgs(p: ProposalForClient): readonly [Address[], bigint[], Hex[], Hex] {
  return [p.targets as Address[], p.values.map((v) => BigInt(v)), p.calldatas as Hex[], p.descriptionHash];
}
