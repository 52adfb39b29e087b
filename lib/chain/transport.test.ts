import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpcTransport } from './transport';

/** A node that answers every JSON-RPC request with 503 and counts them. */
let server: http.Server;
let url = '';
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      hits++;
      res.writeHead(503).end('down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function requestsForOneFailedRead(urls: string[], retryCount?: number): Promise<number> {
  hits = 0;
  const client = createPublicClient({ transport: rpcTransport(urls, { retryCount }) });
  await expect(client.getBlockNumber({ cacheTime: 0 })).rejects.toThrow();
  return hits;
}

describe('rpcTransport', () => {
  it('retries a failing node as often as asked, no more', async () => {
    expect(await requestsForOneFailedRead([url], 1)).toBe(2);
    expect(await requestsForOneFailedRead([url], 0)).toBe(1);
  });

  it('with several URLs tries each once per round, and rounds as often as asked', async () => {
    expect(await requestsForOneFailedRead([url, `${url}/second`], 1)).toBe(4);
  });

  it('keeps viem’s default when no count is given', async () => {
    expect(await requestsForOneFailedRead([url])).toBe(4);
  });
});
