import { afterEach, describe, expect, it } from 'vitest';
import { startFaultControl, type FaultControlStatus, type Stoppable } from './faultControl';
import { findFreePort } from './ports';

/** A service whose rebuild runs until the test lets it finish, reporting a step counter meanwhile. */
function slowService() {
  let step = 0;
  let finish: (ok: boolean) => void = () => {};
  const service: Stoppable = {
    running: true,
    stop: async () => undefined,
    restart: async () => undefined,
    rebuild: () =>
      new Promise<void>((resolve, reject) => (finish = (ok) => (ok ? resolve() : reject(new Error('no progress'))))),
    progress: () => `step ${step}`,
  };
  return { service, advance: () => (step += 1), finish: (ok: boolean) => finish(ok) };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function status(url: string): Promise<FaultControlStatus> {
  return (await (await fetch(`${url}/status`)).json()) as FaultControlStatus;
}

describe('startFaultControl', () => {
  it('answers ?async=1 at once, reports the progress of the action under way, then how it ended', async () => {
    const slow = slowService();
    const control = await startFaultControl(await findFreePort(), { indexer: slow.service }, () => {});
    stop = control.stop;

    const accepted = await fetch(`${control.url}/indexer/rebuild?async=1`, { method: 'POST' });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: number };

    expect((await status(control.url)).busy).toMatchObject({
      id,
      service: 'indexer',
      action: 'rebuild',
      progress: 'step 0',
    });
    slow.advance();
    expect((await status(control.url)).busy?.progress).toBe('step 1');
    expect((await status(control.url)).done[String(id)]).toBeUndefined();

    slow.finish(true);
    await expect.poll(async () => (await status(control.url)).done[String(id)]?.ok).toBe(true);
    expect((await status(control.url)).busy).toBeNull();
  });

  it('reports a failed action with its error, and still answers a blocking POST with 500', async () => {
    const slow = slowService();
    const control = await startFaultControl(await findFreePort(), { indexer: slow.service }, () => {});
    stop = control.stop;
    const { id } = (await (await fetch(`${control.url}/indexer/rebuild?async=1`, { method: 'POST' })).json()) as {
      id: number;
    };
    slow.finish(false);
    await expect
      .poll(async () => (await status(control.url)).done[String(id)])
      .toMatchObject({ ok: false, error: expect.stringContaining('no progress') });

    const blocking = fetch(`${control.url}/indexer/rebuild`, { method: 'POST' });
    await expect.poll(async () => (await status(control.url)).busy?.action).toBe('rebuild');
    slow.finish(false);
    expect((await blocking).status).toBe(500);
  });
});
