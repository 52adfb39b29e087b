// `npm run chain [-- --no-simulator] [--no-indexer] [--no-keeper]`: the local chain without the app (anvil,
// deployment, seeded history, live market), its event indexer and the risk keeper (which needs the indexer).
import { performance } from 'node:perf_hooks';
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

const USAGE = 'Usage: npm run chain [-- --no-simulator] [--no-indexer] [--no-keeper]';
const FLAGS = ['--no-simulator', '--no-indexer', '--no-keeper'];

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

  const chain = await bootLocalChain({ root, supervisor, log, port, seed, simulate });
  if (index) {
    const indexer = await indexLocalChain({
      root,
      supervisor,
      log,
      rpcUrl: chain.rpcUrl,
      deploymentFile: chain.deploymentFile,
      port: indexerPort,
    });
    if (keeperWanted(args)) {
      startLocalRiskKeeper({
        root,
        supervisor,
        log,
        rpcUrl: chain.rpcUrl,
        indexerUrl: indexer.url,
        deployment: chain.deployment,
      });
    }
  }
  log(`✓ chain ready at ${chain.rpcUrl} after ${secondsSince(startedAt)} s total. Ctrl-C stops it.`);
}

main().catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
