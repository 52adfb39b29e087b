import { RANGES } from '@/lib/health/range';
import { parseThemePreference, THEME_COOKIE, type ThemePreference } from '@/lib/theme/themePreference';

/** A request the /health render cache may answer: what its HTML depends on, and how to render it. */
export interface CachedPageRequest {
  key: string;
  /** Path and query to render: the request's own, so Next's payload names the URL the browser is at. */
  path: string;
  theme: ThemePreference;
}

/** Headers of Next's client-side navigations and prefetches: they want the RSC payload, not the document. */
const RSC_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch'];

/**
 * Whether the request asks for an HTML document. Next strips the RSC headers above and the `_rsc` parameter before
 * its proxy sees a request, so a client-side prefetch of /health looks like a page view there: it is told apart by
 * its Accept header (`*\/*` from fetch), as a browser's document request always lists text/html. Served the cached
 * HTML, the router's prefetches failed and retried, and the wallet pages, whose header links to /health, never
 * went network-idle.
 */
function wantsDocument(headers: Headers): boolean {
  return (headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

/**
 * Whether a request is a plain document view of /health whose HTML depends on nothing but the theme cookie and the
 * range: then the key it is cached under. Anything else (another query parameter, a client navigation, HEAD) is
 * rendered for itself, as before, so the cache never holds more than themes × ranges entries.
 */
export function cachedPageRequest(method: string, url: URL, headers: Headers, theme: string | undefined) {
  if (method !== 'GET' || url.pathname !== '/health') return null;
  if (RSC_HEADERS.some((name) => headers.has(name)) || !wantsDocument(headers)) return null;
  const params = [...url.searchParams];
  const range = params.length === 0 ? '' : params.length === 1 && params[0]![0] === 'range' ? params[0]![1] : null;
  if (range === null || (range !== '' && !(RANGES as readonly string[]).includes(range))) return null;
  const preference = parseThemePreference(theme);
  const path = range === '' ? '/health' : `/health?range=${range}`;
  if (`${url.pathname}${url.search}` !== path) return null; // e.g. `?range=7d&` or an encoded variant
  return { key: `${preference} ${path}`, path, theme: preference } satisfies CachedPageRequest;
}

/** The Cookie header of a render for this theme: only the theme cookie, so nothing personal enters a shared page. */
export function themeCookieHeader(theme: ThemePreference): string | null {
  return theme === 'system' ? null : `${THEME_COOKIE}=${theme}`;
}
