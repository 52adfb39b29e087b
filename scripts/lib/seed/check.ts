// `npx tsx scripts/lib/seed/check.ts [seed] [simulatorSeconds]`: deploys and seeds two fresh anvils (ports 8611 and
// 8612, or BACKSTOP_CHECK_PORTS=a,b), checks that both end in the same state, then runs the simulator on the first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicClient, http, zeroAddress } from 'viem';
import { startAnvil } from '../anvil';
import { deployAll } from '../deploy';
import { Supervisor } from '../processes';
import { seedHistory } from '../seed';
import { startSimulator } from '../simulator';
import { abis } from './artifacts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tempDirs: string[] = [];
// The stack's own process handling: each anvil in its own group, its state cache removed, waited for while it moves.
const supervisor = new Supervisor((m) => console.log(m));

async function seedOne(port: number, seed: number) {
  const anvil = await startAnvil({ port, supervisor, root: ROOT, critical: false });
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
    await b.anvil.stop();

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
    await Promise.all(runs.map((run) => run.anvil.stop()));
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
