import { test } from '@playwright/test';

/**
 * How long a slow operation of the stack (a backfill, a restart) may go without progress before a test gives up.
 * A little more than the harness's own bound (INDEXER_STALL_MS in scripts/lib/indexer.ts), so that its error, which
 * names the indexer's last lines of output, reaches the test first.
 */
export const STALL_MS = 120_000;

/**
 * Makes room in the running test's timeout for one slow operation: `stallMs` once at the start, then, each time
 * `progressed()` is called, the time since the previous call. The test's own budget then covers only its fast
 * steps; a slow machine lengthens the test as long as the work moves, and a stall still ends it.
 * (Playwright's test.setTimeout, called during a test, moves that test's deadline: a fixed test.slow() or a larger
 * constant would only move the point at which a busy enough machine fails.)
 */
export function slidingTimeout(stallMs: number = STALL_MS): { progressed: () => void } {
  const info = test.info();
  let last = performance.now();
  if (info.timeout > 0) info.setTimeout(info.timeout + stallMs);
  return {
    progressed() {
      const now = performance.now();
      if (info.timeout > 0) info.setTimeout(info.timeout + Math.ceil(now - last));
      last = now;
    },
  };
}

/**
 * Times page loads, so that a wait for the app to recover can be scaled to how fast this machine serves pages right
 * now rather than fixed: a floor for a quiet machine, or a multiple of the slowest load seen, whichever is longer.
 */
export class PageSpeed {
  private slowest = 0;

  /** Runs `load` (a page.goto or a request) and records how long it took. */
  async time<T>(load: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await load();
    } finally {
      this.slowest = Math.max(this.slowest, performance.now() - started);
    }
  }

  /** The slowest load seen, in ms. */
  get slowestMs(): number {
    return this.slowest;
  }

  /**
   * A timeout for a page that re-renders itself once a service is back: its next poll (`refreshMs`) plus a few page
   * renders at the slowest speed seen, never below `floorMs`. The test's deadline moves by the same amount.
   */
  recoveryTimeout(options: { refreshMs: number; floorMs: number; renders?: number }): number {
    const timeout = Math.max(options.floorMs, Math.ceil(options.refreshMs + (options.renders ?? 4) * this.slowest));
    const info = test.info();
    if (info.timeout > 0) info.setTimeout(info.timeout + timeout);
    return timeout;
  }
}
