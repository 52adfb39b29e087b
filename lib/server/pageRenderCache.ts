import { randomBytes } from 'node:crypto';
import { healthSettings } from '@/lib/chain/healthSettings';
import { inlineScriptHashes } from '@/lib/security/inlineScriptHashes';
import { THEME_COOKIE } from '@/lib/theme/themePreference';
import { cachedPageRequest, themeCookieHeader, type CachedPageRequest } from './cachedPageKey';
import { processWide } from './processWide';
import { RenderCache } from './renderCache';

/** One render of a cached page, shared by every visitor of its key within the refresh interval. */
export interface CachedPage {
  status: number;
  headers: Array<[string, string]>;
  /** The HTML, encoded once: every visitor of the interval is sent these same bytes. */
  html: Uint8Array<ArrayBuffer>;
  /** What the Content-Security-Policy of this HTML must allow: its own inline scripts, nothing else inline. */
  inlineHashes: string[];
}

/** Marks the proxy's own render request; its value is a per-process secret, so no visitor can skip the cache. */
const RENDER_HEADER = 'x-backstop-cache-render';
/** A render stuck longer than this fails its waiters instead of holding them (the next visitor starts another). */
const RENDER_TIMEOUT_MS = 15_000;
/** Headers of the inner response that describe its transfer or its per-request policy, not the page. */
const DROPPED_HEADERS = new Set([
  'content-security-policy',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
]);

const renderToken = processWide('pageRenderToken', () => randomBytes(24).toString('base64url'));
// The page shows figures that change once per refresh interval, so its HTML can live that long.
const cache = processWide(
  'pageRenderCache',
  () => new RenderCache<CachedPage>(() => healthSettings().refreshSeconds * 1_000, Date.now),
);

/** Whether this request is the proxy's own render for the cache (it gets no nonce: its scripts are hashed instead). */
export function isCacheRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === renderToken;
}

/** The request's place in the render cache, or null when it must be rendered for itself. */
export function cacheableRequest(request: {
  method: string;
  nextUrl: URL;
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
}): CachedPageRequest | null {
  return cachedPageRequest(request.method, request.nextUrl, request.headers, request.cookies.get(THEME_COOKIE)?.value);
}

/** The page for this key: from the cache, or rendered once (by asking this same server) for everyone waiting. */
export function cachedPage(page: CachedPageRequest, origin: string): Promise<CachedPage> {
  return cache.get(page.key, async () => {
    const headers = new Headers({ [RENDER_HEADER]: renderToken, 'accept-encoding': 'identity' });
    const cookie = themeCookieHeader(page.theme);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(new URL(page.path, origin), {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const html = await response.text();
    const kept = [...response.headers].filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase()));
    const value = {
      status: response.status,
      headers: kept,
      html: new TextEncoder().encode(html),
      inlineHashes: inlineScriptHashes(html),
    };
    return { value, keep: response.status === 200 };
  });
}
