// @ts-check
const { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } = require('./lib/security/securityHeaders.js');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build (the test harness, a benchmark) can write elsewhere without breaking a running `next start`.
  distDir: process.env.BACKSTOP_DIST_DIR || '.next',
  // The contracts tree and its node-style scripts are not part of the app bundle.
  outputFileTracingExcludes: { '*': ['contracts/**'] },
  turbopack: { root: __dirname },
  // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: [...SECURITY_HEADERS] },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

module.exports = nextConfig;
