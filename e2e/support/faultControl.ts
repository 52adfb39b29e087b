import { expect } from '@playwright/test';
import type { FaultControlStatus } from '../../scripts/lib/faultControl';
import { StalledError, waitWhileProgressing } from '../../scripts/lib/progressWait';
import { slidingTimeout, STALL_MS } from './progress';

// The harness's loopback fault control (scripts/lib/faultControl.ts), started by e2e/support/globalSetup.ts.
const control = () => {
  const url = process.env.BACKSTOP_E2E_CONTROL_URL;
  if (!url)
    throw new Error(
      'BACKSTOP_E2E_CONTROL_URL is not set: playwright.config.ts must keep e2e/support/globalSetup.ts, which starts it.',
    );
  return url;
};

/** `chain2`: the multi-chain spec's second chain (booted by its first start) and its app. */
export type Service = 'anvil' | 'indexer' | 'chain2';
export type Action = 'stop' | 'start' | 'rebuild';

export async function controlStatus(): Promise<FaultControlStatus> {
  const response = await fetch(`${control()}/status`, { signal: AbortSignal.timeout(10_000) });
  return (await response.json()) as FaultControlStatus;
}

/** What one fault action took, for the test's report. */
export interface FaultTiming {
  service: Service;
  action: Action;
  seconds: number;
  /** How many times its progress value changed while it ran (0 for an action with no progress to report). */
  progressSteps: number;
}

export const faultTimings: FaultTiming[] = [];

/**
 * Asks the harness to stop, start or rebuild a service, and waits for as long as that takes while the service makes
 * progress (the indexer's backfill counters, read through GET /status). There is no fixed limit: the wait fails when
 * the progress has stalled for STALL_MS, and the test's timeout moves along with the progress.
 */
export async function fault(service: Service, action: Action): Promise<FaultTiming> {
  const deadline = slidingTimeout();
  const started = performance.now();
  // Answered at once with the action's id: a request held open for a whole backfill would meet the HTTP client's
  // own limit on waiting for headers (5 min in Node's fetch) instead of ours.
  const response = await fetch(`${control()}/${service}/${action}?async=1`, {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status, `${service} ${action}: ${await response.clone().text()}`).toBe(202);
  const { id } = (await response.json()) as { id: number };
  let progressSteps = 0;
  let lastLogged = 0;
  let outcome: FaultControlStatus['done'][string] | undefined;
  try {
    await waitWhileProgressing({
      what: `${service} ${action}`,
      stallMs: STALL_MS,
      intervalMs: 1_000,
      onProgress: (value, elapsedMs) => {
        progressSteps += 1;
        deadline.progressed();
        // A timeline of the slow part, every few seconds at most: what a stall bound has to cover on this machine.
        if (elapsedMs - lastLogged >= 5_000 || progressSteps === 1) {
          lastLogged = elapsedMs;
          console.log(`[faults]   ${service} ${action} +${(elapsedMs / 1000).toFixed(1)} s: ${value}`);
        }
      },
      read: async () => {
        const status = await controlStatus();
        outcome = status.done[String(id)];
        if (outcome) return { done: true };
        // Queued behind another action, or an action without a meter (anvil): nothing to read.
        const busy = status.busy?.id === id ? status.busy : null;
        return { done: false, progress: busy?.progress ?? undefined };
      },
    });
  } catch (error) {
    if (error instanceof StalledError) throw new Error(`${error.message} The harness has not finished it.`);
    throw error;
  }
  expect(outcome?.ok, `${service} ${action}: ${outcome?.error}`).toBe(true);
  const timing = { service, action, seconds: (performance.now() - started) / 1000, progressSteps };
  faultTimings.push(timing);
  console.log(
    `[faults] ${service} ${action}: ${timing.seconds.toFixed(1)} s (harness ${outcome!.seconds.toFixed(1)} s), ${progressSteps} progress steps`,
  );
  return timing;
}

/**
 * After a test: waits for an action still under way (a rebuild that outlived a failed assertion), then starts the
 * service if a test left it stopped, so that the next test and the harness find the stack whole.
 */
export async function ensureRunning(service: Service): Promise<void> {
  await waitWhileProgressing({
    what: `the fault control's action under way`,
    stallMs: STALL_MS,
    intervalMs: 1_000,
    read: async () => {
      const { busy } = await controlStatus();
      return { done: busy === null, progress: busy?.progress ?? undefined };
    },
  });
  if ((await controlStatus()).running[service] === false) await fault(service, 'start');
}
