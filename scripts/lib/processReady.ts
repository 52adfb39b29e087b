import { cpuTicks } from './processCpu';
import { describeExit, type ManagedProcess } from './processes';
import { StalledError, waitWhileProgressing } from './progressWait';

/**
 * Waits until `ready()` holds for a process that is starting, for as long as the process moves (uses CPU or prints):
 * a busy machine only makes the start slower, while a process that is stuck, or exited, fails the wait.
 */
export async function waitUntilReady(options: {
  what: string;
  child: ManagedProcess;
  ready: () => Promise<boolean>;
  /** How long the process may neither use CPU nor print before the wait gives up. */
  stallMs: number;
  intervalMs?: number;
}): Promise<void> {
  const { child } = options;
  try {
    await waitWhileProgressing({
      what: options.what,
      stallMs: options.stallMs,
      intervalMs: options.intervalMs ?? 200,
      read: async () => {
        if (child.hasExited) {
          const info = await child.exited;
          throw new Error(`${options.what} exited before it was ready (${describeExit(info)}):\n${child.outputTail()}`);
        }
        if (await options.ready()) return { done: true };
        return { done: false, progress: `${cpuTicks(child.pid) ?? '?'}/${child.linesSeen}` };
      },
    });
  } catch (error) {
    if (error instanceof StalledError) {
      throw new Error(
        `${options.what} made no progress for ${options.stallMs / 1000} s (no CPU time, no output) and is not ready:\n${child.outputTail()}`,
      );
    }
    throw error;
  }
}
