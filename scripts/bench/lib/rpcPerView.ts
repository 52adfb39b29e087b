import { chromium, type Browser } from '@playwright/test';
import { delay } from '../../lib/processes';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../../lib/chromium';
import type { CountingProxy, KindCounts } from '../../lib/countingProxy';

export interface PageViewRpc {
  route: string;
  status: number | null;
  server: KindCounts;
  browser: KindCounts;
  /** From navigation start until the window closed. */
  windowMs: number;
  /** False when the page never went 500 ms without a request (it polls faster than that). */
  reachedIdle: boolean;
}

export interface RpcWindow {
  /** Quiet time before each view, longer than the server's refresh interval so its lens cache is cold. */
  quietMs: number;
  /** Counting goes on this long after network idle (Playwright's: no request for 500 ms). */
  afterIdleMs: number;
  idleTimeoutMs: number;
}

/**
 * Loads each route once in a fresh browser context (a first-time visitor: empty cache and storage) and counts the
 * JSON-RPC calls that reach the node through the proxy, by side, from navigation to network idle + afterIdleMs.
 */
export async function countRpcPerView(
  base: string,
  routes: string[],
  proxy: CountingProxy,
  window: RpcWindow,
): Promise<PageViewRpc[]> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS });
  try {
    const views: PageViewRpc[] = [];
    for (const route of routes) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await delay(window.quietMs);
      proxy.reset();
      const started = performance.now();
      const response = await page.goto(`${base}${route}`, { waitUntil: 'load', timeout: 60_000 });
      const reachedIdle = await page.waitForLoadState('networkidle', { timeout: window.idleTimeoutMs }).then(
        () => true,
        () => false,
      );
      await delay(window.afterIdleMs);
      views.push({
        route,
        status: response?.status() ?? null,
        server: new Map(proxy.bySide.server),
        browser: new Map(proxy.bySide.browser),
        windowMs: performance.now() - started,
        reachedIdle,
      });
      await context.close();
    }
    return views;
  } finally {
    await browser.close();
  }
}
