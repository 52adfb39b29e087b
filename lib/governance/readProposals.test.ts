import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { hasLastKnown } from '@/lib/health/lastKnown';
import { INDEXER_SOURCE } from '@/lib/health/sources';
import { readProposalOrLastKnown } from './readProposals';

const proposal = {
  proposalId: '42',
  proposer: `0x${'11'.repeat(20)}`,
  description: '# Raise the Senior cap',
  timestamp: 1_700_000_000,
  voteStart: 1_700_000_100,
  voteEnd: 1_700_050_000,
  targets: [`0x${'22'.repeat(20)}`],
  calldatas: ['0x1234'],
  values: ['0'],
  forVotes: '10',
  againstVotes: '0',
  abstainVotes: '0',
  queuedEta: null,
  executed: false,
  canceled: false,
};

/** An indexer that knows one proposal with no votes, and can be made to fail. */
let server: http.Server;
let url = '';
let up = true;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!up) return res.writeHead(503).end();
    if (req.url === '/api/proposals') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ proposals: [proposal] }));
    if (/^\/api\/proposals\/\d+\/votes$/.test(req.url ?? '')) return res.writeHead(200).end(JSON.stringify({ votes: [] }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = { chainId: 31337, contracts: { governor: `0x${'33'.repeat(20)}` } } as unknown as PublicConfig;
const keyOf = (id: string) => `governance.proposal|31337|${config.contracts.governor}|${url}|${id}`;

describe('readProposalOrLastKnown', () => {
  it('keeps the last proposal it read while the indexer is down, and says since when', async () => {
    up = true;
    const first = await readProposalOrLastKnown(config, url, '42');
    expect(first.value?.proposal.description).toBe('# Raise the Senior cap');
    expect(first.failure).toBeNull();

    up = false;
    const during = await readProposalOrLastKnown(config, url, '42');
    expect(during.value?.proposal.proposalId).toBe('42');
    expect(during.fetchedAt).toBe(first.fetchedAt);
    expect(during.failure).toMatchObject({ source: INDEXER_SOURCE, message: 'The indexer answered 503 for /api/proposals.' });
    const since = during.failure!.since;
    expect((await readProposalOrLastKnown(config, url, '42')).failure?.since).toBe(since);

    up = true;
    expect((await readProposalOrLastKnown(config, url, '42')).failure).toBeNull();
  });

  it('remembers nothing for ids that are not proposals, found or failed', async () => {
    up = true;
    expect((await readProposalOrLastKnown(config, url, '7')).value).toBeNull();
    up = false;
    const failed = await readProposalOrLastKnown(config, url, '8');
    expect(failed).toMatchObject({ value: null, fetchedAt: null, failure: { source: INDEXER_SOURCE } });
    expect(hasLastKnown(keyOf('7'))).toBe(false);
    expect(hasLastKnown(keyOf('8'))).toBe(false);
    expect(hasLastKnown(keyOf('42'))).toBe(true);
  });
});
