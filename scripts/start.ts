// `npm start`: local chain with seeded history and a live market, its event indexer, plus the app on
// http://localhost:$PORT.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID, startAnvil } from './lib/anvil';
import { buildApp, staleBuildReason, startApp } from './lib/app';
import { buildContracts } from './lib/contracts';
import { deployAll } from './lib/deploy';
import { deploymentPath } from './lib/deployment';
import { startIndexer } from './lib/indexer';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeError, Supervisor } from './lib/processes';
import { historyWindow, seedHistory } from './lib/seed';
import { startSimulator } from './lib/simulator';

const SIMULATOR_INTERVAL_MS = 3_000;

const root = process.cwd();
const startedAt = performance.now();
const log = (message: string) => console.log(message);
const supervisor = new Supervisor(log);

async function main(): Promise<void> {
  const anvilPort = portFromEnv('BACKSTOP_ANVIL_PORT', 8545);
  const appPort = portFromEnv('PORT', 3000);
  const indexerPort = portFromEnv('BACKSTOP_INDEXER_PORT', 42069);
  assertDistinct({ BACKSTOP_ANVIL_PORT: anvilPort, PORT: appPort, BACKSTOP_INDEXER_PORT: indexerPort });
  await assertPortsFree(
    [
      { port: anvilPort, service: 'anvil, the local chain', envVar: 'BACKSTOP_ANVIL_PORT' },
      { port: appPort, service: 'the app', envVar: 'PORT' },
      { port: indexerPort, service: 'the indexer', envVar: 'BACKSTOP_INDEXER_PORT' },
    ],
    'npm start',
  );
  const seed = seedFromEnv();

  // The build needs no chain, so it runs while the chain is seeded and indexed: together they set the start-up time.
  // The indexer's backfill is the slowest step; the app is served as soon as chain and build are ready, and the
  // history charts fill in when the backfill is done (the pages say the indexer is catching up until then).
  const [rpcUrl] = await Promise.all([startChain(anvilPort, seed), prepareBuild()]);
  const indexing = indexChain(rpcUrl, indexerPort);
  indexing.catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
  const indexerUrl = `http://127.0.0.1:${indexerPort}`;

  let serving = false;
  const app = await startApp({
    root,
    port: appPort,
    supervisor,
    env: {
      BACKSTOP_RPC_URL: rpcUrl,
      BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
      BACKSTOP_DEPLOYMENT: path.relative(root, deploymentPath(path.join(root, 'deployments'), LOCAL_CHAIN_ID)),
      BACKSTOP_INDEXER_URL: indexerUrl,
    },
    onLine: (line) => {
      if (serving && line.trim()) log(`[app] ${line}`);
    },
  });
  serving = true;
  log(`✓ served at ${app.url} after ${secondsSince(startedAt)} s total. Ctrl-C stops everything.`);
  await indexing;
  log(`✓ history indexed ${secondsSince(startedAt)} s after start: every chart on ${app.url}/health is complete.`);
}

async function startChain(port: number, seed: number): Promise<string> {
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
  log(`✓ deployed to ${path.relative(root, deploymentPath(outDir, deployment.chainId))} in ${secondsSince(phase)} s`);

  phase = performance.now();
  const seeded = await seedHistory({ rpcUrl: anvil.rpcUrl, deployment, seed, endTime: Math.floor(Date.now() / 1000), log: (m) => log(`  [seed] ${m}`) });
  log(`✓ seeded ${seeded.txCount} txs over ${seeded.days} days (seed ${seed}) in ${secondsSince(phase)} s`);

  const simulator = startSimulator({
    rpcUrl: anvil.rpcUrl,
    deployment,
    seed,
    intervalMs: SIMULATOR_INTERVAL_MS,
    log: (m) => log(`[market] ${m}`),
  });
  supervisor.onShutdown('market simulator', simulator.stop);
  log(`✓ market simulator trading every ${SIMULATOR_INTERVAL_MS / 1000} s`);
  return anvil.rpcUrl;
}

async function indexChain(rpcUrl: string, port: number): Promise<string> {
  const phase = performance.now();
  const indexer = await startIndexer({
    root,
    supervisor,
    rpcUrl,
    chainId: LOCAL_CHAIN_ID,
    deploymentFile: deploymentPath(path.join(root, 'deployments'), LOCAL_CHAIN_ID),
    port,
    log,
  });
  log(`✓ indexer caught up at ${indexer.url} in ${secondsSince(phase)} s`);
  return indexer.url;
}

function assertDistinct(ports: Record<string, number>): void {
  const names = Object.keys(ports);
  for (const [i, a] of names.entries()) {
    const b = names.slice(i + 1).find((name) => ports[name] === ports[a]);
    if (b) throw new Error(`${a} and ${b} are both ${ports[a]}: give them different ports.`);
  }
}

async function prepareBuild(): Promise<void> {
  const reason = staleBuildReason(root);
  if (!reason) {
    log('✓ app build is up to date (skipped next build)');
    return;
  }
  const phase = performance.now();
  log(`… building the app (${reason}); this runs alongside the chain`);
  await buildApp({ root, supervisor });
  log(`✓ app built in ${secondsSince(phase)} s`);
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
