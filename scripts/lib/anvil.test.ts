import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnvil, type RunningAnvil } from './anvil';
import { findFreePort } from './ports';
import { Supervisor } from './processes';

const root = path.resolve(import.meta.dirname, '..', '..');

function entries(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function rpc(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`anvil answered HTTP ${response.status}`);
}

/** Mines blocks that each change state, enough for anvil to move the oldest states out of memory onto disk. */
async function mineChangingBlocks(url: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: 100 }, (_, i) => start + i + 1).flatMap((n) => [
      {
        jsonrpc: '2.0',
        id: 2 * n,
        method: 'anvil_setBalance',
        params: ['0x000000000000000000000000000000000000dEaD', `0x${n.toString(16)}`],
      },
      { jsonrpc: '2.0', id: 2 * n + 1, method: 'evm_mine', params: [] },
    ]);
    await rpc(url, batch);
  }
}

describe('startAnvil', () => {
  let anvil: RunningAnvil | null = null;
  afterEach(async () => {
    await anvil?.stop();
    anvil = null;
  });

  it('leaves none of the block states it wrote to disk behind once it has stopped', async () => {
    anvil = await startAnvil({
      port: await findFreePort(),
      supervisor: new Supervisor(() => {}),
      root,
      critical: false,
    });
    await mineChangingBlocks(anvil.rpcUrl, 1_200);
    const cacheDir = anvil.stateCacheDir;
    const written = entries(cacheDir).flatMap((sub) => entries(path.join(cacheDir, sub)));
    // Also fails if anvil wrote its states anywhere else, such as its default ~/.foundry/anvil/tmp.
    expect(written.length, 'anvil moved no state to our directory').toBeGreaterThan(0);

    await anvil.stop();
    anvil = null;

    expect(fs.existsSync(cacheDir)).toBe(false);
  }, 60_000);
});
