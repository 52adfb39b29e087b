// @ts-check
// Plain JavaScript because next.config.js loads it before any TypeScript is compiled.

/**
 * Headers every response carries (pages, API routes, static files). The Content-Security-Policy is not here: it needs a
 * fresh nonce per page view, so proxy.ts sets it.
 * @type {ReadonlyArray<{ key: string; value: string }>}
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // The origin only, never the path, leaves for other sites; RPC providers that allow-list by origin keep working.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Older browsers that ignore CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Only features Chromium recognises: an unknown one (`bluetooth`, for one) earns a console warning on every page view
  // and denies nothing. Web Bluetooth is not a policy-controlled feature in Chromium, and other engines lack the API.
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), hid=(), serial=(), ' +
      'display-capture=(), browsing-topics=(), clipboard-write=(self)',
  },
  // Wallet SDKs open popups that must be able to message back; everything else is isolated from other windows.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups' },
  // Ignored by browsers over plain http (the local chain); enforced once the app is served over https.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

/** API routes return data, never documents: nothing may load from or frame them. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

module.exports = { SECURITY_HEADERS, API_CONTENT_SECURITY_POLICY };
