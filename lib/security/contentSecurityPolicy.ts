/** What the policy must allow beyond the app's own origin. */
export interface CspInputs {
  /** Per-request, unguessable; Next puts it on its own scripts. */
  nonce: string;
  /** JSON-RPC URLs the browser's wallet client reads (public config). */
  rpcUrls: readonly string[];
  /** WalletConnect's relay, verify frame and wallet registry are allowed only when a project id is configured. */
  walletConnect: boolean;
  /** `next dev` needs eval for React's debugging; production never gets it. */
  development: boolean;
  /** Served over https: plain-http subresources are upgraded. Off on http so a loopback RPC keeps working. */
  https: boolean;
}

const WALLETCONNECT_CONNECT = [
  'https://rpc.walletconnect.org',
  'https://rpc.walletconnect.com',
  'wss://relay.walletconnect.org',
  'wss://relay.walletconnect.com',
  'https://pulse.walletconnect.org',
  'https://api.web3modal.org',
  'https://explorer-api.walletconnect.com',
];
const WALLETCONNECT_FRAMES = ['https://verify.walletconnect.org', 'https://verify.walletconnect.com'];
const WALLETCONNECT_IMAGES = ['https://explorer-api.walletconnect.com', 'https://api.web3modal.org'];

/**
 * The Content-Security-Policy of every page. Scripts run only with the request's nonce ('strict-dynamic' lets those
 * load their chunks); no eval in production; the page cannot be framed (no clickjacking of transaction buttons).
 * Styles allow inline attributes because React and the chart library set style="" on elements, which nonces cannot
 * cover; CSS cannot run code, so the script policy is what holds the line.
 */
export function contentSecurityPolicy(inputs: CspInputs): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(inputs.nonce)) throw new Error('CSP nonce must be at least 16 base64 characters');
  const rpcOrigins = inputs.rpcUrls.flatMap(originOf);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${inputs.nonce}'`,
      "'strict-dynamic'",
      ...(inputs.development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(inputs.walletConnect ? WALLETCONNECT_IMAGES : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...rpcOrigins, ...(inputs.walletConnect ? WALLETCONNECT_CONNECT : [])],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': inputs.walletConnect ? WALLETCONNECT_FRAMES : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${unique(values).join(' ')}`);
  if (inputs.https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

/** An RPC URL's origin (a key in its path is not part of the policy); ws(s) RPCs keep their scheme. */
function originOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) ? [parsed.origin] : [];
  } catch {
    return [];
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
