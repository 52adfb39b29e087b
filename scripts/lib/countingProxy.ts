import http from 'node:http';

/** What a request was, for counting: e.g. "eth_call" or "GET /api/samples". A JSON-RPC batch is several. */
export type Classify = (request: { method: string; path: string; body: Buffer }) => string[];

export interface CountingProxy {
  url: string;
  /** Requests forwarded since the last reset(), by kind. */
  counts: Map<string, number>;
  total(): number;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A loopback-only HTTP pass-through in front of one upstream (anvil, the indexer) that counts what passes. While the
 * upstream is down it answers 502, which is what the app would see from a load balancer in front of a dead node.
 */
export function startCountingProxy(port: number, upstream: string, classify: Classify): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://proxy');
      for (const kind of classify({ method, path: url.pathname, body })) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      void forward(`${upstream}${url.pathname}${url.search}`, method, req.headers['content-type'], body, res);
    });
  });
  // Keep-alive sockets to the app would hold stop() open until they time out.
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        counts,
        total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
        reset: () => counts.clear(),
        stop,
      }),
    );
  });
}

async function forward(target: string, method: string, contentType: string | undefined, body: Buffer, res: http.ServerResponse) {
  try {
    const answer = await fetch(target, {
      method,
      headers: contentType ? { 'content-type': contentType } : {},
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(payload);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`upstream ${new URL(target).host} did not answer: ${(error as Error).message}`);
  }
}

/** JSON-RPC calls by method; eth_call also by target and selector, so each kind of contract read counts apart. */
export const classifyJsonRpc: Classify = ({ body }) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return ['(unparsable)'];
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).map((call) => {
    const { method, params } = (call ?? {}) as { method?: string; params?: Array<{ to?: string; data?: string; input?: string }> };
    if (method !== 'eth_call') return method ?? '(no method)';
    const first = params?.[0];
    const data = first?.data ?? first?.input ?? '';
    return `eth_call ${first?.to?.toLowerCase() ?? '(deployless)'} ${data.slice(0, 10)}`;
  });
};

/** HTTP requests by method and path (the query string is left out: every range of one history is one kind). */
export const classifyPath: Classify = ({ method, path }) => [`${method} ${path}`];
