import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where to cut one document, and how long to hold its second part back. */
export interface DocumentSplit {
  /** Path and query of the document, e.g. `/health`. */
  path: string;
  /** The document is cut just before the first occurrence of this text. */
  before: string;
  pauseMs: number;
}

export interface SplitDocumentProxy {
  url: string;
  close(): Promise<void>;
}

/** Headers that describe the body as the app sent it, not as this proxy re-sends it. */
const BODY_FRAMING = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);

function forwardedHeaders(headers: IncomingHttpHeaders, host: string): IncomingHttpHeaders {
  return { ...headers, host };
}

/**
 * A loopback proxy in front of the app that sends one document in two parts with a pause between them, the way a slow
 * network or a busy server delivers it; every other request passes through untouched. It lets a test see what the
 * browser paints from half a page.
 */
export async function startSplitDocumentProxy(target: string, split: DocumentSplit): Promise<SplitDocumentProxy> {
  const app = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? '/';
    if (incoming.method === 'GET' && url === split.path) {
      void (async () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(forwardedHeaders(incoming.headers, app.host))) {
          if (typeof value === 'string') headers.set(name, value);
        }
        headers.set('accept-encoding', 'identity');
        const response = await fetch(new URL(url, app), { headers, redirect: 'manual' });
        const html = await response.text();
        const cut = html.indexOf(split.before);
        if (cut < 0) {
          outgoing
            .writeHead(500, { 'content-type': 'text/plain' })
            .end(`split proxy: "${split.before}" is not in ${url}`);
          return;
        }
        response.headers.forEach((value, name) => {
          if (!BODY_FRAMING.has(name) && name !== 'set-cookie') outgoing.setHeader(name, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
        outgoing.writeHead(response.status);
        outgoing.write(html.slice(0, cut));
        await new Promise((resolve) => setTimeout(resolve, split.pauseMs));
        outgoing.end(html.slice(cut));
      })().catch((error: unknown) => outgoing.destroy(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    const upstream = request(
      {
        host: app.hostname,
        port: app.port,
        method: incoming.method,
        path: url,
        headers: forwardedHeaders(incoming.headers, app.host),
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => outgoing.destroy(error));
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
