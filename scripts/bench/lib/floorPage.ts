import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { findFreePort } from '../../lib/ports';

export interface FloorPage {
  /** The floor page's URL; everything else on this origin is the app's. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * The Lighthouse floor: the app's own not-found page (root layout, providers, header, Next and React, no page
 * content) served with status 200, which Lighthouse needs to score a page. A loopback server of its own answers
 * that one path and passes every other request (scripts, styles, icons, prefetches) through to the app unchanged,
 * compressed as the app sends them.
 */
export async function startFloorPage(appUrl: string, notFoundPath: string): Promise<FloorPage> {
  const response = await fetch(`${appUrl}${notFoundPath}`, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 404)
    throw new Error(`${notFoundPath} answered HTTP ${response.status}, not the not-found page`);
  const html = await response.text();
  const policy = response.headers.get('content-security-policy');
  const gzipHtml = gzipSync(html);
  const floorPath = '/bench-floor';

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === floorPath) {
      // Gzip when asked, as the app sends its pages: an uncompressed floor would pay a slower simulated download.
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
        ...(policy ? { 'content-security-policy': policy } : {}),
      });
      res.end(gzip ? gzipHtml : html);
      return;
    }
    pass(appUrl, req, res);
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${floorPath}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Passes a request through byte for byte: the app's compression reaches the browser as it would from the app. */
function pass(appUrl: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const target = new URL(req.url ?? '/', appUrl);
  const upstream = http.request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host }, timeout: 30_000 },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('timed out after 30 s')));
  upstream.on('error', (error) => {
    if (!res.headersSent)
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`floor page pass-through failed: ${String(error)}`);
    else res.destroy(error);
  });
  req.pipe(upstream);
}
