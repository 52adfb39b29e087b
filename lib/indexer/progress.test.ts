import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexerError } from './errors';
import { catchUpOf, fetchIndexerProgress } from './progress';

/** Answers /ready and /api/status as the test sets them, the way Ponder and our API route do. */
let server: http.Server;
let url = '';
let answers: { ready: number; status: number; statusBody: string };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ready')
      res.writeHead(answers.ready).end(answers.ready === 503 ? 'Historical indexing is not complete.' : '');
    else if (req.url === '/api/status')
      res.writeHead(answers.status, { 'content-type': 'application/json' }).end(answers.statusBody);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const status = (latestBlock: string) => JSON.stringify({ latestBlock, latestTimestamp: 1_700_000_000 });

describe('fetchIndexerProgress', () => {
  it('reads a backfill in progress (503 on /ready) and a finished one (200)', async () => {
    answers = { ready: 503, status: 200, statusBody: status('812') };
    expect(await fetchIndexerProgress(url)).toEqual({ ready: false, indexedBlock: 812n });
    answers = { ready: 200, status: 200, statusBody: status('1347') };
    expect(await fetchIndexerProgress(url)).toEqual({ ready: true, indexedBlock: 1347n });
  });

  it('names the indexer when it answers something else, or does not answer', async () => {
    answers = { ready: 500, status: 200, statusBody: status('1') };
    await expect(fetchIndexerProgress(url)).rejects.toThrow(new IndexerError('The indexer answered 500 for /ready.'));
    answers = { ready: 200, status: 200, statusBody: JSON.stringify({ latestBlock: 12 }) };
    await expect(fetchIndexerProgress(url)).rejects.toThrow(/\/api\/status does not match docs\/interfaces.md/);
    await expect(fetchIndexerProgress('http://127.0.0.1:1')).rejects.toThrow(
      /The indexer at http:\/\/127.0.0.1:1 did not answer/,
    );
  });
});

describe('catchUpOf', () => {
  it('is null once the indexer is ready, or when either side is unknown', () => {
    expect(catchUpOf({ ready: true, indexedBlock: 100n }, 200n, 1)).toBeNull();
    expect(catchUpOf(null, 200n, 1)).toBeNull();
    expect(catchUpOf({ ready: false, indexedBlock: 100n }, null, 1)).toBeNull();
  });

  it('counts progress from the deploy block, not from genesis', () => {
    // A mainnet deployment at block 20,000,000: 250 of 1,000 blocks read is 25 %, not 99.99 %.
    expect(catchUpOf({ ready: false, indexedBlock: 20_000_250n }, 20_001_000n, 20_000_000)).toEqual({
      indexedBlock: 20_000_250n,
      chainBlock: 20_001_000n,
      percent: 25,
    });
    // Nothing read yet (the status row is written by the first block handled).
    expect(catchUpOf({ ready: false, indexedBlock: 0n }, 1_347n, 1)?.percent).toBe(0);
  });

  it('never says 100 % while the backfill is still running', () => {
    expect(catchUpOf({ ready: false, indexedBlock: 1_347n }, 1_347n, 1)?.percent).toBe(99);
    expect(catchUpOf({ ready: false, indexedBlock: 1_350n }, 1_347n, 1)?.percent).toBe(99);
  });
});
