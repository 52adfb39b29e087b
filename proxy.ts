import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/chain/config';
import { contentSecurityPolicy } from '@/lib/security/contentSecurityPolicy';
import { servedOverHttps } from '@/lib/server/requestAddress';

/**
 * Gives every page view a fresh script nonce and the Content-Security-Policy that requires it. Next reads the policy
 * from the request headers while rendering and stamps the nonce on its own scripts. (The other security headers are
 * static and come from next.config.js.)
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const config = getConfig();
  const policy = contentSecurityPolicy({
    nonce,
    rpcUrls: config.ok ? config.config.rpcUrls : [],
    walletConnect: config.ok && config.config.walletConnectProjectId !== null,
    development: process.env.NODE_ENV === 'development',
    https: servedOverHttps(request),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Documents only: API routes get a fixed no-content policy from next.config.js, and static files need none.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)' }],
};
