import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAccountFlows } from './client';

const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** Answers an account's flows the way the indexer's API does, with the body the test sets. */
let server: http.Server;
let url = '';
let answer: { status: number; body: string };
let asked = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    asked = req.url ?? '';
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const flow = {
  trancheId: 1,
  kind: 'deposit',
  assets: '123456789012345678901',
  shares: '100',
  sender: ACCOUNT,
  receiver: ACCOUNT,
  timestamp: 1_700_000_000,
  blockNumber: '42',
  transactionHash: `0x${'ab'.repeat(32)}`,
};

describe('fetchAccountFlows', () => {
  it("reads an account's flows with amounts as exact integers", async () => {
    answer = { status: 200, body: JSON.stringify({ flows: [flow, { ...flow, kind: 'withdraw', assets: '5' }] }) };
    const flows = await fetchAccountFlows(url, ACCOUNT);
    expect(asked).toBe(`/api/accounts/${ACCOUNT}/flows`);
    expect(flows).toEqual([
      {
        trancheId: 1,
        kind: 'deposit',
        assets: 123456789012345678901n,
        shares: 100n,
        timestamp: 1_700_000_000,
        blockNumber: 42n,
      },
      { trancheId: 1, kind: 'withdraw', assets: 5n, shares: 100n, timestamp: 1_700_000_000, blockNumber: 42n },
    ]);
  });

  it('rejects an error status, a negative amount, and no answer, naming the indexer', async () => {
    answer = { status: 500, body: '{}' };
    await expect(fetchAccountFlows(url, ACCOUNT)).rejects.toThrow(
      `The indexer answered 500 for /api/accounts/${ACCOUNT}/flows.`,
    );
    answer = { status: 200, body: JSON.stringify({ flows: [{ ...flow, assets: '-1' }] }) };
    await expect(fetchAccountFlows(url, ACCOUNT)).rejects.toThrow(
      /flows does not match docs\/interfaces.md: flows.0.assets/,
    );
    await expect(fetchAccountFlows('http://127.0.0.1:1', ACCOUNT)).rejects.toThrow(
      /The indexer at http:\/\/127.0.0.1:1 did not answer/,
    );
  });
});
