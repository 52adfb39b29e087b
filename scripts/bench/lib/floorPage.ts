import http from 'node:http';
import { findFreePort } from '../../lib/ports';

export interface FloorPage {
  /** The floor page's URL; everything else on this origin is the app's. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * The Lighthouse floor: the app's own not-found page (root layout, providers, header, Next and React, no page
 * content) served with status 200, which Lighthouse needs to score a page. A loopback server of its own answers
 * that one path and passes every other request (scripts, styles, icons, prefetches) through to the app.
 */
export async function startFloorPage(appUrl: string, notFoundPath: string): Promise<FloorPage> {
  const response = await fetch(`${appUrl}${notFoundPath}`, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 404) throw new Error(`${notFoundPath} answered HTTP ${response.status}, not the not-found page`);
  const html = await response.text();
  const policy = response.headers.get('content-security-policy');
  const floorPath = '/bench-floor';

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === floorPath) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(policy ? { 'content-security-policy': policy } : {}) });
      res.end(html);
      return;
    }
    void pass(`${appUrl}${path}`, req, res);
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${floorPath}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function pass(url: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'),
    );
    const upstream = await fetch(url, { method: req.method, headers, signal: AbortSignal.timeout(30_000) });
    const body = Buffer.from(await upstream.arrayBuffer());
    const passed: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      // fetch has already decoded the body: its length and encoding are ours to state now.
      if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') passed[name] = value;
    });
    res.writeHead(upstream.status, passed).end(body);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`floor page pass-through failed: ${String(error)}`);
  }
}
