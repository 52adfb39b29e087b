// `npm start [-- --no-keeper]`: local chain with seeded history and a live market, its event indexer, the risk
// keeper, plus the app on http://localhost:$PORT.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID } from '../lib/protocol/chain';
import { buildApp, staleBuildReason, startApp } from './lib/app';
import {
  bootLocalChain,
  indexLocalChain,
  keeperWanted,
  secondsSince,
  seedFromEnv,
  startLocalRiskKeeper,
} from './lib/localChain';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeError, Supervisor } from './lib/processes';

const root = process.cwd();
const startedAt = performance.now();
const log = (message: string) => console.log(message);
const supervisor = new Supervisor(log);

const USAGE = 'Usage: npm start [-- --no-keeper]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--no-keeper');
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(' ')}.\n${USAGE}`);
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

  // The build needs no chain, so it runs while the chain is seeded, and the indexer's backfill starts as soon as the
  // seed is done, alongside what is left of the build: the three together set the start-up time. The app starts once
  // chain and build are ready, but "served at" waits for the backfill too: a page opened before it would show part of
  // the history (it says so, with the indexer's progress).
  let indexed = false;
  const booting = bootLocalChain({ root, supervisor, log, port: anvilPort, seed, simulate: true }).then((chain) => {
    const indexing = indexLocalChain({
      root,
      supervisor,
      log,
      rpcUrl: chain.rpcUrl,
      deploymentFile: chain.deploymentFile,
      port: indexerPort,
    });
    indexing.then(
      () => (indexed = true),
      (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
    );
    return { chain, indexing };
  });
  const [{ chain, indexing }] = await Promise.all([booting, prepareBuild()]);
  const rpcUrl = chain.rpcUrl;
  const indexerUrl = `http://127.0.0.1:${indexerPort}`;

  let serving = false;
  const app = await startApp({
    root,
    port: appPort,
    supervisor,
    env: {
      BACKSTOP_RPC_URL: rpcUrl,
      BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
      BACKSTOP_DEPLOYMENT: path.relative(root, chain.deploymentFile),
      BACKSTOP_INDEXER_URL: indexerUrl,
    },
    onLine: (line) => {
      if (serving && line.trim()) log(`[app] ${line}`);
    },
  });
  serving = true;
  if (!indexed)
    log(`… app up after ${secondsSince(startedAt)} s; waiting for the indexer to finish reading the history`);
  await indexing;
  if (keeperWanted(args)) {
    startLocalRiskKeeper({ root, supervisor, log, rpcUrl, indexerUrl, deployment: chain.deployment });
  }
  log(`✓ served at ${app.url} after ${secondsSince(startedAt)} s total, history indexed. Ctrl-C stops everything.`);
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

main().catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
