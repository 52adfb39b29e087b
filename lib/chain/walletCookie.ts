// Names only, with no imports: the browser's wallet code and the server both use them.

/** wagmi's storage key; the browser writes its storage as cookies (components/wallet/walletStateCookie.ts). */
export const WALLET_STORAGE_KEY = 'wagmi';
/** The cookie with wagmi's serialised state (connections, current connector, chain). */
export const WALLET_STATE_COOKIE = `${WALLET_STORAGE_KEY}.store`;
