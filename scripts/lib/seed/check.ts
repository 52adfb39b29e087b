// `npx tsx scripts/lib/seed/check.ts [seed] [simulatorSeconds]`: deploys and seeds two fresh anvils (ports 8611 and
// 8612, or BACKSTOP_CHECK_PORTS=a,b), checks that both end in the same state, then runs the simulator on the first.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicClient, http, zeroAddress } from 'viem';
import { deployAll } from '../deploy';
import { seedHistory } from '../seed';
import { startSimulator } from '../simulator';
import { abis } from './artifacts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const started: ChildProcess[] = [];
const tempDirs: string[] = [];

async function startAnvil(port: number): Promise<{ child: ChildProcess; rpcUrl: string }> {
  // anvil never deletes the block states it moves to disk: keep them in a directory removed below.
  const stateCache = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-seed-check-anvil-'));
  tempDirs.push(stateCache);
  // Own process group: stopping it stops the npm wrapper and the anvil binary, and nothing else.
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'anvil'),
    ['--port', String(port), '--silent', '--cache-path', stateCache],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  started.push(child);
  const rpcUrl = `http://127.0.0.1:${port}`;
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1_000 }) });
  for (let i = 0; i < 100; i++) {
    try {
      await client.getChainId();
      return { child, rpcUrl };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop(child);
  throw new Error(`anvil did not start on port ${port} (is the port taken?)`);
}

function stop(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function seedOne(port: number, seed: number) {
  const anvil = await startAnvil(port);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-seed-check-'));
  tempDirs.push(outDir);
  let t = performance.now();
  const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir });
  const deploySeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const result = await seedHistory({
    rpcUrl: anvil.rpcUrl,
    deployment,
    seed,
    log: (m) => console.log(`[${port}] ${m}`),
  });
  const seedSeconds = (performance.now() - t) / 1000;
  const client = createPublicClient({ transport: http(anvil.rpcUrl) });
  const dashboard = await client.readContract({
    address: deployment.contracts.lens,
    abi: abis.lens,
    functionName: 'getDashboard',
    args: [zeroAddress],
  });
  const snapshot = JSON.stringify(dashboard, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  console.log(
    `[${port}] deploy ${deploySeconds.toFixed(1)} s, seed ${seedSeconds.toFixed(1)} s, ${result.txCount} txs`,
  );
  return { anvil, deployment, snapshot, block: await client.getBlockNumber() };
}

async function main() {
  const seed = Number(process.argv[2] ?? 42);
  const simulatorSeconds = Number(process.argv[3] ?? 20);
  const [portA, portB] = (process.env.BACKSTOP_CHECK_PORTS ?? '8611,8612').split(',').map(Number) as [number, number];
  const runs: Awaited<ReturnType<typeof seedOne>>[] = [];
  try {
    runs.push(await seedOne(portA, seed));
    runs.push(await seedOne(portB, seed));
    const [a, b] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const same = a.snapshot === b.snapshot && a.block === b.block;
    console.log(
      same
        ? `deterministic: identical dashboards at block ${a.block}`
        : `NOT deterministic: blocks ${a.block} vs ${b.block}`,
    );
    if (!same) process.exitCode = 1;
    stop(b.anvil.child);

    const sim = startSimulator({
      rpcUrl: a.anvil.rpcUrl,
      deployment: a.deployment,
      seed,
      intervalMs: 2_000,
      log: (m) => console.log(`[sim] ${m}`),
    });
    await new Promise((r) => setTimeout(r, simulatorSeconds * 1000));
    await sim.stop();
  } finally {
    for (const child of started) stop(child);
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
