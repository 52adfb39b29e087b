import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/chain/config';
import { contentSecurityPolicy, type CspInputs } from '@/lib/security/contentSecurityPolicy';
import { cacheableRequest, cachedPage, isCacheRender } from '@/lib/server/pageRenderCache';
import { servedOverHttps } from '@/lib/server/requestAddress';

/**
 * Sets every page's Content-Security-Policy. A page rendered per visitor gets a fresh script nonce that Next reads
 * from the request headers and stamps on its own scripts. /health, which must hold a crowd, is served from a render
 * cache (one render per refresh interval, theme and range); its policy lists the hashes of that render's inline
 * scripts instead (docs/security.md, "Cached pages"). The other security headers are static (next.config.js).
 */
export async function proxy(request: NextRequest) {
  if (isCacheRender(request.headers)) return NextResponse.next(); // the cache's own render: hashed, not nonced

  // `next dev` rebuilds pages as their code changes: no cache there.
  const cacheable = process.env.NODE_ENV === 'development' ? null : cacheableRequest(request);
  // The render is asked of this server by its own name and port (Next's URL holds them), always over plain http: the
  // protocol Next puts in that URL comes from the visitor's X-Forwarded-Proto, which must not break a shared render.
  const page = cacheable && (await cachedPage(cacheable, `http://${request.nextUrl.host}`).catch(() => null));
  if (page) {
    const response = new NextResponse(page.html, { status: page.status, headers: page.headers });
    response.headers.set('Content-Security-Policy', policy(request, { inlineHashes: page.inlineHashes }));
    return response;
  }
  // Not cacheable, or the shared render failed: this visitor gets a render of their own.

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const nonced = policy(request, { nonce });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', nonced);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', nonced);
  return response;
}

function policy(request: NextRequest, scripts: CspInputs['scripts']): string {
  const config = getConfig();
  return contentSecurityPolicy({
    scripts,
    // Every configured chain's: the wallet pages read and send on whichever chain they show (docs/chains.md).
    rpcUrls: config.ok ? config.chains.flatMap((chain) => chain.rpcUrls) : [],
    walletConnect: config.ok && config.config.walletConnectProjectId !== null,
    development: process.env.NODE_ENV === 'development',
    https: servedOverHttps(request),
  });
}

export const config = {
  // Documents only: API routes get a fixed no-content policy from next.config.js, and static files need none.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)' }],
};
