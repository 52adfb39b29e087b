import { gzipSync } from 'node:zlib';

export interface FirstLoadJs {
  /** HTTP status of the page itself. */
  status: number;
  chunks: { src: string; gzip: number }[];
  /** Total gzip bytes. */
  total: number;
}

/**
 * gzip sizes of the module scripts a page's HTML loads up front, read from its `<script src>` tags (Next 16's build no
 * longer prints "First Load JS"). nomodule polyfills are skipped: modern browsers ignore them.
 */
export async function firstLoadJs(base: string, pagePath: string): Promise<FirstLoadJs> {
  const page = await fetch(`${base}${pagePath}`, { signal: AbortSignal.timeout(30_000) });
  const html = await page.text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const chunks: FirstLoadJs['chunks'] = [];
  for (const [tag, src] of tags) {
    if (/\bnomodule\b/i.test(tag) || !src) continue;
    const script = await fetch(new URL(src, base), { signal: AbortSignal.timeout(30_000) });
    if (!script.ok) throw new Error(`${src} (loaded by ${pagePath}) answered HTTP ${script.status}`);
    const body = Buffer.from(await script.arrayBuffer());
    chunks.push({ src, gzip: gzipSync(body, { level: 9 }).length });
  }
  if (chunks.length === 0) throw new Error(`${pagePath} (HTTP ${page.status}) loads no script: is it a Next page?`);
  return { status: page.status, chunks, total: chunks.reduce((a, c) => a + c.gzip, 0) };
}
