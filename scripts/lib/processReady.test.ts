import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor, type ManagedProcess } from './processes';
import { waitUntilReady } from './processReady';

const supervisor = new Supervisor(() => {});
const children: ManagedProcess[] = [];

function start(script: string): ManagedProcess {
  const child = supervisor.spawn('probe', process.execPath, ['-e', script], { critical: false });
  children.push(child);
  return child;
}

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.stop(1_000)));
});

describe.runIf(process.platform === 'linux')('waitUntilReady', () => {
  it('waits past the stall bound for as long as the process keeps printing', async () => {
    // Prints every 100 ms and never gets ready by itself; the readiness check turns true after 1.5 s, three stall
    // bounds later.
    const child = start('setInterval(() => console.log("working"), 100)');
    const started = Date.now();
    await waitUntilReady({ what: 'a printer', child, stallMs: 500, ready: async () => Date.now() - started > 1_500 });
    expect(child.linesSeen).toBeGreaterThan(5);
    expect(Date.now() - started).toBeGreaterThan(1_500);
  });

  it('gives up on a process that neither uses CPU nor prints, naming it', async () => {
    const child = start('setTimeout(() => {}, 60_000)');
    await expect(
      waitUntilReady({ what: 'a sleeper', child, stallMs: 1_000, ready: async () => false }),
    ).rejects.toThrow(/a sleeper made no progress for 1 s/);
    expect(child.hasExited).toBe(false);
  });

  it('fails at once when the process exits before it is ready, with its last output', async () => {
    const child = start('console.log("port in use"); process.exit(3)');
    await expect(
      waitUntilReady({ what: 'a server', child, stallMs: 60_000, ready: async () => false }),
    ).rejects.toThrow(/a server exited before it was ready[\s\S]*port in use/);
  });
});
