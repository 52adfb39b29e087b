// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build (the test harness, a benchmark) can write elsewhere without breaking a running `next start`.
  distDir: process.env.BACKSTOP_DIST_DIR || '.next',
  // The contracts tree and its node-style scripts are not part of the app bundle.
  outputFileTracingExcludes: { '*': ['contracts/**'] },
  turbopack: { root: __dirname },
};

module.exports = nextConfig;
