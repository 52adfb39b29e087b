import { NextResponse, type NextRequest } from 'next/server';
import {
  parseThemePreference,
  THEME_COOKIE,
  THEME_COOKIE_MAX_AGE_SECONDS,
  themeReturnPath,
} from '@/lib/theme/themePreference';
import { requestHost, servedOverHttps } from '@/lib/server/requestAddress';

/** The theme switch without JavaScript: the header's form posts here, the cookie is set, and the page comes back. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const preference = parseThemePreference(String(form?.get('theme') ?? ''));
  // Compared with the host the browser used: `request.nextUrl` holds the server's own name (`localhost` under
  // `next start`), which is not the site's address behind a proxy.
  const back = themeReturnPath(request.headers.get('referer'), requestHost(request));
  // A relative Location: the browser resolves it against the page it posted from.
  const response = new NextResponse(null, { status: 303, headers: { location: back } });
  if (preference === 'system') response.cookies.delete(THEME_COOKIE);
  else {
    response.cookies.set(THEME_COOKIE, preference, {
      path: '/',
      maxAge: THEME_COOKIE_MAX_AGE_SECONDS,
      sameSite: 'lax',
      secure: servedOverHttps(request),
    });
  }
  return response;
}
