// Waits on slow work (a backfill, a restart) for as long as it moves, never for a fixed time: a busy machine is slow
// but still makes progress; a stuck process does not.

/** What one look at the work says: finished, or how far it has got (any value that changes when it moves on). */
export interface ProgressReading<T = void> {
  done: boolean;
  /** Compared with the previous reading: a different value is progress. undefined means "nothing to read yet". */
  progress?: string | number;
  /** What to resolve with once done. */
  result?: T;
}

export interface WaitWhileProgressingOptions<T> {
  /** Named in the error, e.g. "the indexer's backfill". */
  what: string;
  /** Reads the work's state; a throw ends the wait with that error (e.g. the process exited). */
  read: () => Promise<ProgressReading<T>>;
  /** How long the progress may stay the same before the wait gives up. */
  stallMs: number;
  /** Pause between readings. */
  intervalMs?: number;
  /** Called whenever the progress value changes (for a log line, or to push a test's deadline back). */
  onProgress?: (progress: string | number, elapsedMs: number) => void;
  /** Added to the stall error, e.g. the process's last lines of output. */
  describeStall?: () => string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class StalledError extends Error {
  constructor(
    message: string,
    readonly stalledMs: number,
    readonly elapsedMs: number,
  ) {
    super(message);
    this.name = 'StalledError';
  }
}

/**
 * Reads `read()` every `intervalMs` until it says done, and resolves with its result. Fails only when the progress
 * value has not changed for `stallMs`: the total time is whatever the work needs while it keeps moving.
 */
export async function waitWhileProgressing<T = void>(
  options: WaitWhileProgressingOptions<T>,
): Promise<{ result: T | undefined; elapsedMs: number }> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = options.intervalMs ?? 500;
  const started = now();
  let lastValue: string | number | undefined;
  let lastChange = started;
  for (;;) {
    const reading = await options.read();
    const at = now();
    if (reading.done) return { result: reading.result, elapsedMs: at - started };
    if (reading.progress !== undefined && reading.progress !== lastValue) {
      lastValue = reading.progress;
      lastChange = at;
      options.onProgress?.(reading.progress, at - started);
    }
    const stalled = at - lastChange;
    if (stalled >= options.stallMs) {
      const last =
        lastValue === undefined ? 'no progress was ever read' : `its progress stayed at ${String(lastValue)}`;
      const detail = options.describeStall?.();
      throw new StalledError(
        `${options.what} stalled: ${last} for ${(stalled / 1000).toFixed(1)} s (after ${((at - started) / 1000).toFixed(1)} s in all)` +
          (detail ? `:\n${detail}` : '.'),
        stalled,
        at - started,
      );
    }
    await sleep(interval);
  }
}
