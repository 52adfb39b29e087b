import { describe, expect, it } from 'vitest';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { loadProposalEffect } from './loadProposalEffect';

// Hostile query values are refused before anything is read: no chain or indexer is needed here.
const config = {} as PublicConfig;
const load = (id: string, query: string) => loadProposalEffect(config, id, new URLSearchParams(query));

describe('loadProposalEffect input checks', () => {
  it.each([
    ['12abc', ''],
    ['-1', ''],
    ['1'.repeat(79), ''],
    ['1', 'account=0x1234'],
    ['1', 'account=vitalik.eth'],
    ['1', 'inputs=yes'],
  ])('refuses id %s with %s', async (id, query) => {
    const answer = await load(id, query);
    expect(answer.status).toBe(400);
    expect(answer.body).toHaveProperty('error');
  });
});
