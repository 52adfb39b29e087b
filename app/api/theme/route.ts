import { NextResponse, type NextRequest } from 'next/server';
import {
  parseThemePreference,
  THEME_COOKIE,
  THEME_COOKIE_MAX_AGE_SECONDS,
  themeReturnPath,
} from '@/lib/theme/themePreference';

/** The theme switch without JavaScript: the header's form posts here, the cookie is set, and the page comes back. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const preference = parseThemePreference(String(form?.get('theme') ?? ''));
  const back = themeReturnPath(request.headers.get('referer'), request.nextUrl.origin);
  const response = NextResponse.redirect(new URL(back, request.nextUrl.origin), 303);
  if (preference === 'system') response.cookies.delete(THEME_COOKIE);
  else {
    response.cookies.set(THEME_COOKIE, preference, {
      path: '/',
      maxAge: THEME_COOKIE_MAX_AGE_SECONDS,
      sameSite: 'lax',
      secure: request.nextUrl.protocol === 'https:',
    });
  }
  return response;
}
