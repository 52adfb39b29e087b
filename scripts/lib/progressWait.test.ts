import { describe, expect, it } from 'vitest';
import { StalledError, waitWhileProgressing, type ProgressReading } from './progressWait';

/** A clock that only moves when the wait sleeps, so that the tests do not depend on the machine's speed either. */
function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('waitWhileProgressing', () => {
  it('waits far longer than the stall bound while the work keeps moving', async () => {
    const clock = fakeClock();
    let block = 0;
    const { result, elapsedMs } = await waitWhileProgressing({
      what: 'a backfill',
      stallMs: 10_000,
      intervalMs: 1_000,
      ...clock,
      // One block every 5 s (a slow machine): 60 blocks take 300 s, thirty times the stall bound.
      read: async (): Promise<ProgressReading<string>> => {
        block = Math.floor(clock.now() / 5_000);
        return block >= 60 ? { done: true, result: 'ready' } : { done: false, progress: block };
      },
    });
    expect(result).toBe('ready');
    expect(elapsedMs).toBe(300_000);
  });

  it('fails once the progress has stayed the same for the stall bound, naming the last value', async () => {
    const clock = fakeClock();
    const seen: Array<string | number> = [];
    const wait = waitWhileProgressing({
      what: 'the indexer',
      stallMs: 10_000,
      intervalMs: 1_000,
      ...clock,
      onProgress: (value) => seen.push(value),
      describeStall: () => 'last output line',
      // Moves for 20 s, then stops at block 4.
      read: async () => ({ done: false, progress: Math.min(4, Math.floor(clock.now() / 5_000)) }),
    });
    await expect(wait).rejects.toThrow(StalledError);
    await expect(wait).rejects.toThrow(
      /the indexer stalled: its progress stayed at 4 for 10\.0 s \(after 30\.0 s in all\):\nlast output line/,
    );
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts the time before the first reading as a stall too', async () => {
    const clock = fakeClock();
    const wait = waitWhileProgressing({
      what: 'a start',
      stallMs: 3_000,
      intervalMs: 1_000,
      ...clock,
      read: async () => ({ done: false }),
    });
    await expect(wait).rejects.toThrow(/a start stalled: no progress was ever read for 3\.0 s/);
  });

  it("ends with the reader's own error (a process that exited)", async () => {
    const clock = fakeClock();
    const wait = waitWhileProgressing({
      what: 'x',
      stallMs: 60_000,
      ...clock,
      read: async () => {
        if (clock.now() >= 2_000) throw new Error('exited with code 1');
        return { done: false, progress: clock.now() };
      },
    });
    await expect(wait).rejects.toThrow('exited with code 1');
  });
});
