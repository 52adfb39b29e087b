import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startE2eStack } from '../../scripts/lib/e2eStack';
import { Supervisor } from '../../scripts/lib/processes';

/**
 * Playwright's globalSetup: boots the stack the specs run against (scripts/lib/e2eStack.ts), so that `npx playwright
 * test`, `--ui` and the editor extensions need nothing started beforehand. Not Playwright's `webServer`: it has a
 * fixed start timeout and cannot stop and restart a process mid-run, which e2e/faults.spec.ts does to anvil and the
 * indexer through the fault control.
 *
 * The returned teardown fails the run if a service died during the tests or was left stopped.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const log = (message: string) => console.log(message);
  // Playwright handles SIGINT (it stops the run, then calls the teardown below) and its own errors; SIGTERM and SIGHUP
  // it does not handle, and our children run in their own process groups: those signals stop them here.
  const supervisor = new Supervisor(log, { signals: ['SIGTERM', 'SIGHUP'], exitOnUncaughtError: false });
  const stack = await startE2eStack({
    root: config.configFile ? path.dirname(config.configFile) : process.cwd(),
    supervisor,
    log,
  });
  // The workers start after this and inherit the environment; they also load playwright.config.ts again (baseURL).
  Object.assign(process.env, stack.env);

  return async () => {
    const problems = await stack.problems();
    await stack.stop();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  };
}
