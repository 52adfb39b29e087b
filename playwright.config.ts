import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumExecutable } from './scripts/lib/chromium';

/** Desktop Chromium, the same for every project. */
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS },
};

export default defineConfig({
  testDir: 'e2e',
  // Boots anvil, the indexer and the app for the run, and tears them down after it.
  globalSetup: './e2e/support/globalSetup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    // scripts/test.ts reads this file for the suite's summary.
    ['json', { outputFile: process.env.BACKSTOP_E2E_REPORT ?? 'test-results/e2e-report.json' }],
  ],
  use: {
    // Set by the global setup: each worker starts after it and loads this file again.
    baseURL: process.env.BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // The fault tests stop anvil and the indexer of the shared stack: they run last, in the project below.
      testIgnore: /faults\.spec\.ts$/,
      use: browser,
    },
    {
      name: 'faults',
      testMatch: /faults\.spec\.ts$/,
      dependencies: ['chromium'],
      use: browser,
    },
  ],
});
