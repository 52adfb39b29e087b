import http from 'node:http';

/** What a request was, for counting: e.g. "eth_call" or "GET /api/samples". A JSON-RPC batch is several. */
export type Classify = (request: { method: string; path: string; body: Buffer }) => string[];

/** Who sent a request: the app's server (Node's fetch) or a browser page (wagmi's reads, cross-origin). */
export type RequestSide = 'server' | 'browser';

export type KindCounts = Map<string, number>;

export interface CountingProxyOptions {
  classify: Classify;
  /**
   * Answer CORS preflights and add CORS headers, as anvil does, so browser pages can read through the proxy too.
   * Preflights are not counted: they are not calls.
   */
  cors?: boolean;
}

export interface CountingProxy {
  url: string;
  /** Requests forwarded since the last reset(), by kind (both sides together). */
  readonly counts: KindCounts;
  /** The same, split by who sent them: a browser's cross-origin fetch always carries Origin, Node's fetch never. */
  bySide: Record<RequestSide, KindCounts>;
  total(): number;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A loopback-only HTTP pass-through in front of one upstream (anvil, the indexer) that counts what passes. While the
 * upstream is down it answers 502, which is what the app would see from a load balancer in front of a dead node.
 */
export function startCountingProxy(
  port: number,
  upstream: string,
  options: CountingProxyOptions,
): Promise<CountingProxy> {
  const bySide: Record<RequestSide, KindCounts> = { server: new Map(), browser: new Map() };
  const server = http.createServer((req, res) => {
    const cors: Record<string, string> =
      options.cors && req.headers.origin
        ? {
            'access-control-allow-origin': '*',
            'access-control-allow-headers': 'content-type',
            'access-control-allow-methods': 'GET, POST, OPTIONS',
          }
        : {};
    if (options.cors && req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const side: RequestSide = req.headers.origin ? 'browser' : 'server';
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://proxy');
      for (const kind of options.classify({ method, path: url.pathname, body })) {
        bySide[side].set(kind, (bySide[side].get(kind) ?? 0) + 1);
      }
      void forward(`${upstream}${url.pathname}${url.search}`, method, req.headers['content-type'], body, res, cors);
    });
  });
  // Keep-alive sockets to the app would hold stop() open until they time out.
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        get counts() {
          const both: KindCounts = new Map(bySide.server);
          for (const [kind, n] of bySide.browser) both.set(kind, (both.get(kind) ?? 0) + n);
          return both;
        },
        bySide,
        total: () => totalCalls(bySide.server) + totalCalls(bySide.browser),
        reset: () => {
          bySide.server.clear();
          bySide.browser.clear();
        },
        stop,
      }),
    );
  });
}

async function forward(
  target: string,
  method: string,
  contentType: string | undefined,
  body: Buffer,
  res: http.ServerResponse,
  cors: Record<string, string>,
) {
  try {
    const answer = await fetch(target, {
      method,
      headers: contentType ? { 'content-type': contentType } : {},
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      ...cors,
    });
    res.end(payload);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain', ...cors });
    res.end(`upstream ${new URL(target).host} did not answer: ${(error as Error).message}`);
  }
}

function jsonRpcCalls(
  body: Buffer,
): Array<{ method?: string; params?: Array<{ to?: string; data?: string; input?: string }> }> | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return (Array.isArray(parsed) ? parsed : [parsed]).map((call) => (call ?? {}) as { method?: string });
  } catch {
    return null;
  }
}

/** JSON-RPC calls by method; eth_call also by target and selector, so each kind of contract read counts apart. */
export const classifyJsonRpc: Classify = ({ body }) =>
  jsonRpcCalls(body)?.map(({ method, params }) => {
    if (method !== 'eth_call') return method ?? '(no method)';
    const first = params?.[0];
    const data = first?.data ?? first?.input ?? '';
    return `eth_call ${first?.to?.toLowerCase() ?? '(deployless)'} ${data.slice(0, 10)}`;
  }) ?? ['(unparsable)'];

/** JSON-RPC calls by method only (a batch counts each call). */
export const classifyJsonRpcMethod: Classify = ({ body }) =>
  jsonRpcCalls(body)?.map((call) => call.method ?? '(no method)') ?? ['(unparsable)'];

/** HTTP requests by method and path (the query string is left out: every range of one history is one kind). */
export const classifyPath: Classify = ({ method, path }) => [`${method} ${path}`];

export const totalCalls = (counts: KindCounts): number => [...counts.values()].reduce((a, b) => a + b, 0);

/** "eth_call 3, eth_blockNumber 1", most frequent first; "none" when empty. */
export function describeMethods(counts: KindCounts): string {
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([method, n]) => `${method} ${n}`)
    .join(', ');
}
