// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The contracts tree and its node-style scripts are not part of the app bundle.
  outputFileTracingExcludes: { '*': ['contracts/**'] },
  turbopack: { root: __dirname },
};

module.exports = nextConfig;
