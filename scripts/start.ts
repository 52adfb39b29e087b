// `npm start [-- --no-keeper] [--chains 2]`: local chain with seeded history and a live market, its event indexer,
// the risk keeper, plus the app on http://localhost:$PORT; with `--chains 2`, a second local chain and its indexer too.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID } from '../lib/protocol/chain';
import { buildApp, staleBuildReason, startApp } from './lib/app';
import {
  bootLocalChain,
  bootSecondLocalChain,
  indexLocalChain,
  keeperWanted,
  secondsSince,
  seedFromEnv,
  startLocalRiskKeeper,
} from './lib/localChain';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeError, Supervisor } from './lib/processes';
import { chainsArgument, chainsVariable, SECOND_CHAIN_ID, SECOND_CHAIN_NAME } from './lib/secondChain';

const root = process.cwd();
const startedAt = performance.now();
const log = (message: string) => console.log(message);
const supervisor = new Supervisor(log);

const USAGE = 'Usage: npm start [-- --no-keeper] [--chains 1|2]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { chains, rest } = chainsArgument(args, USAGE);
  const unknown = rest.filter((arg) => arg !== '--no-keeper');
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(' ')}.\n${USAGE}`);
  const anvilPort = portFromEnv('BACKSTOP_ANVIL_PORT', 8545);
  const appPort = portFromEnv('PORT', 3000);
  const indexerPort = portFromEnv('BACKSTOP_INDEXER_PORT', 42069);
  const second =
    chains === 2
      ? {
          anvilPort: portFromEnv('BACKSTOP_SECOND_ANVIL_PORT', 8546),
          indexerPort: portFromEnv('BACKSTOP_SECOND_INDEXER_PORT', 42070),
        }
      : null;
  assertDistinct({
    BACKSTOP_ANVIL_PORT: anvilPort,
    PORT: appPort,
    BACKSTOP_INDEXER_PORT: indexerPort,
    ...(second && {
      BACKSTOP_SECOND_ANVIL_PORT: second.anvilPort,
      BACKSTOP_SECOND_INDEXER_PORT: second.indexerPort,
    }),
  });
  await assertPortsFree(
    [
      { port: anvilPort, service: 'anvil, the local chain', envVar: 'BACKSTOP_ANVIL_PORT' },
      { port: appPort, service: 'the app', envVar: 'PORT' },
      { port: indexerPort, service: 'the indexer', envVar: 'BACKSTOP_INDEXER_PORT' },
      ...(second
        ? [
            { port: second.anvilPort, service: 'anvil, the second chain', envVar: 'BACKSTOP_SECOND_ANVIL_PORT' },
            { port: second.indexerPort, service: "the second chain's indexer", envVar: 'BACKSTOP_SECOND_INDEXER_PORT' },
          ]
        : []),
    ],
    'npm start',
  );
  const seed = seedFromEnv();

  // The build needs no chain, so it runs while the chain is seeded, and the indexer's backfill starts as soon as the
  // seed is done, alongside what is left of the build: the three together set the start-up time. The app starts once
  // chain and build are ready, but "served at" waits for the backfill too: a page opened before it would show part of
  // the history (it says so, with the indexer's progress).
  let indexed = false;
  const booting = bootLocalChain({ root, supervisor, log, port: anvilPort, seed, simulate: true }).then(
    async (chain) => {
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
      // The second chain is deployed and seeded once the first is (one seed at a time on a busy machine, and the
      // contracts are compiled by then); the app starts with both configured.
      const secondChain = second
        ? bootSecondLocalChain({ root, supervisor, log, port: second.anvilPort, seed }).then((booted) => {
            const secondIndexing = indexLocalChain({
              root,
              supervisor,
              log,
              rpcUrl: booted.rpcUrl,
              deploymentFile: booted.deploymentFile,
              port: second.indexerPort,
              chainId: SECOND_CHAIN_ID,
            });
            secondIndexing.catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
            return { booted, indexing: secondIndexing };
          })
        : null;
      return { chain, indexing, secondChain: await secondChain };
    },
  );
  const [{ chain, indexing, secondChain }] = await Promise.all([booting, prepareBuild()]);
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
      ...(secondChain && {
        BACKSTOP_CHAINS: chainsVariable([
          {
            chainId: SECOND_CHAIN_ID,
            rpcUrl: secondChain.booted.rpcUrl,
            deploymentFile: path.relative(root, secondChain.booted.deploymentFile),
            name: SECOND_CHAIN_NAME,
            indexerUrl: `http://127.0.0.1:${second!.indexerPort}`,
          },
        ]),
      }),
    },
    onLine: (line) => {
      if (serving && line.trim()) log(`[app] ${line}`);
    },
  });
  serving = true;
  if (!indexed)
    log(`… app up after ${secondsSince(startedAt)} s; waiting for the indexer to finish reading the history`);
  await Promise.all([indexing, secondChain?.indexing]);
  if (keeperWanted(rest)) {
    startLocalRiskKeeper({ root, supervisor, log, rpcUrl, indexerUrl, deployment: chain.deployment });
  }
  if (secondChain) {
    log(`  chain ${LOCAL_CHAIN_ID}: RPC ${rpcUrl}, indexer ${indexerUrl} (the default chain)`);
    log(
      `  chain ${SECOND_CHAIN_ID}: RPC ${secondChain.booted.rpcUrl}, indexer http://127.0.0.1:${second!.indexerPort}`,
    );
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
