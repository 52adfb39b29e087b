/** What the policy must allow beyond the app's own origin. */
export interface CspInputs {
  /**
   * What lets a script run: a per-request, unguessable nonce that Next puts on its own scripts; or, for a page served
   * from the render cache (one HTML for many visitors), the SHA-256 of each inline script of that HTML plus the app's
   * own origin for its chunks (docs/security.md, "Cached pages").
   */
  scripts: { nonce: string } | { inlineHashes: readonly string[] };
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
  const rpcOrigins = inputs.rpcUrls.flatMap(originOf);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [...scriptSources(inputs.scripts), ...(inputs.development ? ["'unsafe-eval'"] : [])],
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

/**
 * With a nonce, 'strict-dynamic' lets the nonced scripts load their chunks ('self' is then only a fallback for old
 * browsers). With hashes, 'strict-dynamic' would block Next's `<script src>` tags (they carry no nonce), so the chunks
 * are allowed by origin: the origin serves only build output and nosniff JSON, never user content.
 */
function scriptSources(scripts: CspInputs['scripts']): string[] {
  if ('nonce' in scripts) {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(scripts.nonce))
      throw new Error('CSP nonce must be at least 16 base64 characters');
    return ["'self'", `'nonce-${scripts.nonce}'`, "'strict-dynamic'"];
  }
  for (const hash of scripts.inlineHashes) {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(hash)) throw new Error('CSP script hash must be a base64 SHA-256 digest');
  }
  return ["'self'", ...scripts.inlineHashes.map((hash) => `'sha256-${hash}'`)];
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
