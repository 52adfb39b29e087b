/**
 * The browser side of wagmi's storage. wagmi keeps its connection state in cookies instead of localStorage, so the
 * server sees whether a visitor's wallet is about to reconnect and renders that layout from the start: nothing jumps
 * when it does. The state names the connector and the account address, nothing secret; it goes only to this site
 * (SameSite=Lax) and lasts 30 days, as localStorage would have.
 */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const walletStateCookies = {
  getItem(key: string): string | null {
    if (typeof document === 'undefined') return null;
    const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${key}=`));
    if (!pair) return null;
    try {
      return decodeURIComponent(pair.slice(key.length + 1));
    } catch {
      return null;
    }
  },
  setItem(key: string, value: string): void {
    if (typeof document === 'undefined') return;
    const secure = window.location.protocol === 'https:' ? ';secure' : '';
    document.cookie = `${key}=${encodeURIComponent(value)};path=/;max-age=${MAX_AGE_SECONDS};samesite=lax${secure}`;
  },
  removeItem(key: string): void {
    if (typeof document === 'undefined') return;
    document.cookie = `${key}=;path=/;max-age=0`;
  },
};
