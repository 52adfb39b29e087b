/** What a server-rendered page said about its sources, read from its HTML (the banners carry data-source). */
export interface PageProbe {
  path: string;
  status: number;
  /** The data-source of every stale banner on the page, e.g. ["Chain RPC"]. */
  banners: string[];
  html: string;
  ms: number;
}

export async function probePage(base: string, path: string): Promise<PageProbe> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000), cache: 'no-store' });
  const html = await response.text();
  const banners = [...html.matchAll(/data-testid="stale-banner"[^>]*?data-source="([^"]+)"/g)].map((m) => m[1] ?? '');
  return { path, status: response.status, banners, html, ms: performance.now() - started };
}

/** The block the page's figures come from, as /health and / render it (data-raw of the block number). */
export function shownBlock(html: string): bigint | null {
  const match = /data-testid="block-number"[^>]*?data-raw="(\d+)"/.exec(html);
  return match?.[1] ? BigInt(match[1]) : null;
}

/** Polls until `done` holds for the probe (or `timeoutMs` passes); returns the seconds it took, or null. */
export async function secondsUntil(
  probe: () => Promise<PageProbe>,
  done: (p: PageProbe) => boolean,
  timeoutMs: number,
  everyMs = 250,
): Promise<{ seconds: number | null; last: PageProbe | null }> {
  const started = performance.now();
  let last: PageProbe | null = null;
  while (performance.now() - started < timeoutMs) {
    try {
      last = await probe();
      if (done(last)) return { seconds: (performance.now() - started) / 1000, last };
    } catch {
      // The server did not answer this time: that counts as not yet, the deadline bounds it.
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return { seconds: null, last };
}
