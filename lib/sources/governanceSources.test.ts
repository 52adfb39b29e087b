import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { proposalSource } from './governanceSources';
import { INDEXER_SOURCE } from './names';
import { readSource, type SourceRegistry } from './readSource';

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
    if (req.url === '/api/proposals')
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ proposals: [proposal] }));
    if (/^\/api\/proposals\/\d+\/votes$/.test(req.url ?? ''))
      return res.writeHead(200).end(JSON.stringify({ votes: [] }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = { chainId: 31337, contracts: { governor: `0x${'33'.repeat(20)}` } } as unknown as PublicConfig;

describe('proposalSource against a real HTTP indexer', () => {
  it('keeps the last proposal it read while the indexer is down, and says since when', async () => {
    const registry: SourceRegistry = new Map();
    const read = () => readSource(proposalSource(config, url, '42'), { registry });
    up = true;
    const first = await read();
    expect(first.value?.proposal.description).toBe('# Raise the Senior cap');
    expect(first.status.state).toBe('ok');

    up = false;
    const during = await read();
    expect(during.value?.proposal.proposalId).toBe('42');
    expect(during.status).toMatchObject({
      state: 'stale',
      source: INDEXER_SOURCE,
      readAt: first.status.readAt,
      reason: 'The indexer answered 503 for /api/proposals.',
    });
    const since = during.status.state === 'stale' ? during.status.since : null;
    expect((await read()).status).toMatchObject({ since });

    up = true;
    expect((await read()).status.state).toBe('ok');
  });

  it('remembers nothing for ids that are not proposals, found or failed', async () => {
    const registry: SourceRegistry = new Map();
    up = true;
    expect((await readSource(proposalSource(config, url, '7'), { registry })).value).toBeNull();
    up = false;
    const failed = await readSource(proposalSource(config, url, '8'), { registry });
    expect(failed).toMatchObject({ value: null, status: { state: 'down', source: INDEXER_SOURCE, readAt: null } });
    expect(registry.size).toBe(0);
    up = true;
    await readSource(proposalSource(config, url, '42'), { registry });
    expect([...registry.keys()]).toEqual([proposalSource(config, url, '42').key]);
  });
});
