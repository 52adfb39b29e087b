/** The visitor's theme choice. "system" follows the operating system's setting and is stored as no cookie at all. */
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** Read by the server layout on every request, so the chosen theme is in the first paint without a blocking script. */
export const THEME_COOKIE = 'backstop-theme';

/** One year: a preference, not a session. */
export const THEME_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Anything other than an explicit light or dark choice (missing, tampered, old) means "follow the system". */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The value of <html data-theme>: absent for "system", so CSS falls back to the `prefers-color-scheme` media. */
export function dataThemeAttribute(preference: ThemePreference): 'light' | 'dark' | undefined {
  return preference === 'system' ? undefined : preference;
}

/**
 * Where the no-JavaScript form post returns: the page it came from when the Referer names the host the request was
 * sent to, else home. Always a path (never an absolute URL or a protocol-relative one), so the theme route cannot be
 * used as an open redirect, and the browser resolves it against the address it is using, whatever the server's own
 * name for itself is.
 */
export function themeReturnPath(referer: string | null, requestHost: string | null): string {
  if (!referer || !requestHost) return '/';
  try {
    const url = new URL(referer);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== requestHost.toLowerCase()) return '/';
    const target = `${url.pathname}${url.search}`;
    return target.startsWith('/') && !target.startsWith('//') ? target : '/';
  } catch {
    return '/';
  }
}
