import http from 'node:http';
import { describeError } from '../../lib/processes';

/** Who sent a JSON-RPC call: the app's server (Node's fetch) or a browser page (wagmi's reads). */
export type RpcSide = 'server' | 'browser';

export type MethodCounts = Map<string, number>;

export interface CountingProxy {
  url: string;
  /** JSON-RPC calls by method (a batch counts each call), per side, since the last reset. */
  counts: Record<RpcSide, MethodCounts>;
  reset: () => void;
  stop: () => Promise<void>;
}

/**
 * A loopback-only JSON-RPC pass-through that counts what reaches the node. The app hands the browser the same RPC URL
 * as its server, so one proxy sees both: a browser's cross-origin fetch always carries an Origin header, Node's fetch
 * never does. CORS preflights are answered here (as anvil would) and are not JSON-RPC calls, so they are not counted.
 */
export function startCountingProxy(port: number, upstream: string): Promise<CountingProxy> {
  const counts: Record<RpcSide, MethodCounts> = { server: new Map(), browser: new Map() };
  const server = http.createServer((req, res) => {
    const cors = req.headers.origin
      ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST, OPTIONS' }
      : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const side: RpcSide = req.headers.origin ? 'browser' : 'server';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      for (const method of methodsOf(body)) counts[side].set(method, (counts[side].get(method) ?? 0) + 1);
      try {
        const answer = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...cors });
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        res.writeHead(502, cors).end(describeError(error));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        counts,
        reset: () => {
          counts.server.clear();
          counts.browser.clear();
        },
        stop: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

function methodsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString()) as { method?: string } | { method?: string }[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map((call) => call.method ?? '?');
  } catch {
    return ['(unparsable)'];
  }
}

export const totalCalls = (counts: MethodCounts): number => [...counts.values()].reduce((a, b) => a + b, 0);

/** "eth_call 3, eth_blockNumber 1", most frequent first; "none" when empty. */
export function describeMethods(counts: MethodCounts): string {
  if (counts.size === 0) return 'none';
  return [...counts].sort((a, b) => b[1] - a[1]).map(([method, n]) => `${method} ${n}`).join(', ');
}
