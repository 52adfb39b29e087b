import { encodeAbiParameters, keccak256, toBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { indexedProposalSchema } from '@/lib/indexer/proposalsSchema';
import { proposalForClient } from './proposalForClient';

const hostile = '# Title\n' + '['.repeat(100_000);
const proposal = indexedProposalSchema.parse({
  proposalId: '42',
  proposer: '0x' + '11'.repeat(20),
  description: hostile,
  timestamp: 1,
  voteStart: 2,
  voteEnd: 3,
  targets: ['0x' + '22'.repeat(20)],
  calldatas: [encodeAbiParameters([{ type: 'uint256' }], [7n])],
  values: ['0'],
  forVotes: '1',
  againstVotes: '0',
  abstainVotes: '0',
  queuedEta: null,
  executed: false,
  canceled: false,
});

describe('proposalForClient', () => {
  it('drops the description and carries the hash queue and execute need', () => {
    const client = proposalForClient(proposal);
    expect('description' in client).toBe(false);
    expect(client.descriptionHash).toBe(keccak256(toBytes(hostile)));
    expect(client.proposalId).toBe('42');
    expect(client.targets).toEqual(proposal.targets);
  });

  it('is small whatever the description: what the browser receives does not grow with it', () => {
    expect(JSON.stringify(proposalForClient(proposal)).length).toBeLessThan(1_000);
  });
});
