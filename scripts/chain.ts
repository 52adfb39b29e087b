// `npm run chain [-- --no-simulator] [--no-indexer]`: the local chain without the app (anvil, deployment, seeded
// history, live market) and its event indexer.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID, startAnvil } from './lib/anvil';
import { buildContracts } from './lib/contracts';
import { deployAll } from './lib/deploy';
import { deploymentPath } from './lib/deployment';
import { startIndexer } from './lib/indexer';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeError, Supervisor } from './lib/processes';
import { historyWindow, seedHistory } from './lib/seed';
import { startSimulator } from './lib/simulator';

const SIMULATOR_INTERVAL_MS = 3_000;
const USAGE = 'Usage: npm run chain [-- --no-simulator] [--no-indexer]';
const FLAGS = ['--no-simulator', '--no-indexer'];

const root = process.cwd();
const startedAt = performance.now();
const log = (message: string) => console.log(message);
const supervisor = new Supervisor(log);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !FLAGS.includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(' ')}.\n${USAGE}`);
  const simulate = !args.includes('--no-simulator');
  const index = !args.includes('--no-indexer');

  const port = portFromEnv('BACKSTOP_ANVIL_PORT', 8545);
  const indexerPort = portFromEnv('BACKSTOP_INDEXER_PORT', 42069);
  if (index && indexerPort === port) {
    throw new Error(`BACKSTOP_ANVIL_PORT and BACKSTOP_INDEXER_PORT are both ${port}: give them different ports.`);
  }
  await assertPortsFree(
    [
      { port, service: 'anvil, the local chain', envVar: 'BACKSTOP_ANVIL_PORT' },
      ...(index ? [{ port: indexerPort, service: 'the indexer', envVar: 'BACKSTOP_INDEXER_PORT' }] : []),
    ],
    'npm run chain',
  );
  const seed = seedFromEnv();
  const history = historyWindow();

  let phase = performance.now();
  const [anvil] = await Promise.all([
    startAnvil({ port, supervisor, root, genesisTimestamp: history.genesisTimestamp }).then((anvil) => {
      log(`✓ anvil up at ${anvil.rpcUrl} (chain ${LOCAL_CHAIN_ID}) in ${secondsSince(phase)} s`);
      return anvil;
    }),
    buildContracts({ root, supervisor }).then(() => log(`✓ contracts compiled in ${secondsSince(phase)} s`)),
  ]);

  phase = performance.now();
  const outDir = path.join(root, 'deployments');
  const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir });
  const file = path.relative(root, deploymentPath(outDir, deployment.chainId));
  log(`✓ deployed to ${file} in ${secondsSince(phase)} s`);

  phase = performance.now();
  const seeded = await seedHistory({ rpcUrl: anvil.rpcUrl, deployment, seed, endTime: Math.floor(Date.now() / 1000), log: (m) => log(`  [seed] ${m}`) });
  log(`✓ seeded ${seeded.txCount} txs over ${seeded.days} days (seed ${seed}) in ${secondsSince(phase)} s`);

  if (simulate) {
    const simulator = startSimulator({
      rpcUrl: anvil.rpcUrl,
      deployment,
      seed,
      intervalMs: SIMULATOR_INTERVAL_MS,
      log: (m) => log(`[market] ${m}`),
    });
    supervisor.onShutdown('market simulator', simulator.stop);
    log(`✓ market simulator trading every ${SIMULATOR_INTERVAL_MS / 1000} s`);
  }

  if (index) {
    phase = performance.now();
    const indexer = await startIndexer({
      root,
      supervisor,
      rpcUrl: anvil.rpcUrl,
      chainId: LOCAL_CHAIN_ID,
      deploymentFile: deploymentPath(outDir, deployment.chainId),
      port: indexerPort,
      log,
    });
    log(`✓ indexer caught up at ${indexer.url} in ${secondsSince(phase)} s (BACKSTOP_INDEXER_URL=${indexer.url})`);
  }
  log(`✓ chain ready at ${anvil.rpcUrl} after ${secondsSince(startedAt)} s total. Ctrl-C stops it.`);
}

function seedFromEnv(): number {
  const raw = process.env.BACKSTOP_SEED;
  if (raw === undefined || raw.trim() === '') return 1;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`BACKSTOP_SEED=${raw} must be a whole number ≥ 0.`);
  return seed;
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

main().catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
