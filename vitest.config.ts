import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The production JSX runtime works under both React builds; a test timing the server render loads the production one.
  esbuild: { jsx: 'automatic', jsxDev: false },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    exclude: ['e2e/**', 'contracts/**', 'node_modules/**'],
  },
});
