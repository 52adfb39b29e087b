/** What a request's headers say about the address the browser used; the URL Next builds holds the server's own name. */
interface RequestLike {
  headers: Headers;
  nextUrl: { protocol: string };
}

/** Whether the browser reached the site over https, directly or through a proxy that terminated TLS. */
export function servedOverHttps(request: RequestLike): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

/** The host the browser sent the request to: a reverse proxy passes it on as X-Forwarded-Host (first entry). */
export function requestHost(request: RequestLike): string | null {
  return request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
}
