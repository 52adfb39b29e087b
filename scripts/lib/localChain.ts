import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { startAnvil } from './anvil';
import { buildContracts } from './contracts';
import { deployAll } from './deploy';
import { deploymentPath, type Deployment } from './deployment';
import { startIndexer } from './indexer';
import type { Supervisor } from './processes';
import { deployAndSeedSecondChain, mineEvery, SECOND_CHAIN_ID } from './secondChain';
import { historyWindow, seedHistory } from './seed';
import { startSimulator } from './simulator';
import { startRiskKeeper } from './riskKeeper';
import { anvilAccount, ROLE_INDEX } from './seed/accounts';

export const SIMULATOR_INTERVAL_MS = 3_000;
/** The second chain has no market: an empty block this often keeps its clock going. */
const SECOND_CHAIN_BLOCK_SECONDS = 12;
/** How often the risk keeper compares charged and fair premiums; the steward's own interval (hours) bounds its moves. */
export const RISK_KEEPER_INTERVAL_MS = 60_000;

interface Context {
  root: string;
  supervisor: Supervisor;
  log: (message: string) => void;
}

/**
 * The local chain `npm start` and `npm run chain` share: anvil (its clock set so the history ends now) and the contract
 * build in parallel, then deploy to deployments/, the seeded history, and optionally the live market simulator.
 */
export async function bootLocalChain(
  ctx: Context & { port: number; seed: number; simulate: boolean },
): Promise<{ rpcUrl: string; deployment: Deployment; deploymentFile: string }> {
  const { root, supervisor, log } = ctx;
  const history = historyWindow();
  let phase = performance.now();
  const [anvil] = await Promise.all([
    startAnvil({ port: ctx.port, supervisor, root, genesisTimestamp: history.genesisTimestamp }).then((anvil) => {
      log(`✓ anvil up at ${anvil.rpcUrl} (chain ${LOCAL_CHAIN_ID}) in ${secondsSince(phase)} s`);
      return anvil;
    }),
    buildContracts({ root, supervisor }).then(() => log(`✓ contracts compiled in ${secondsSince(phase)} s`)),
  ]);

  phase = performance.now();
  const outDir = path.join(root, 'deployments');
  const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir });
  const deploymentFile = deploymentPath(outDir, deployment.chainId);
  log(`✓ deployed to ${path.relative(root, deploymentFile)} in ${secondsSince(phase)} s`);

  phase = performance.now();
  const seeded = await seedHistory({
    rpcUrl: anvil.rpcUrl,
    deployment,
    seed: ctx.seed,
    endTime: Math.floor(Date.now() / 1000),
    log: (m) => log(`  [seed] ${m}`),
  });
  log(`✓ seeded ${seeded.txCount} txs over ${seeded.days} days (seed ${ctx.seed}) in ${secondsSince(phase)} s`);

  if (ctx.simulate) {
    const simulator = startSimulator({
      rpcUrl: anvil.rpcUrl,
      deployment,
      seed: ctx.seed,
      intervalMs: SIMULATOR_INTERVAL_MS,
      log: (m) => log(`[market] ${m}`),
    });
    supervisor.onShutdown('market simulator', simulator.stop);
    log(`✓ market simulator trading every ${SIMULATOR_INTERVAL_MS / 1000} s`);
  }
  return { rpcUrl: anvil.rpcUrl, deployment, deploymentFile };
}

/**
 * The second local chain of `npm start -- --chains 2`: its own anvil, deployment and seeded history (the next seed),
 * then its own chain id, 31338 (scripts/lib/secondChain.ts), its deployment file beside the first's. No market
 * simulator drives it: it mines an empty block every few seconds. Runs after the first chain's boot, which compiled the contracts.
 */
export async function bootSecondLocalChain(
  ctx: Context & { port: number; seed: number },
): Promise<{ rpcUrl: string; deployment: Deployment; deploymentFile: string }> {
  const phase = performance.now();
  const history = historyWindow();
  const anvil = await startAnvil({
    port: ctx.port,
    supervisor: ctx.supervisor,
    root: ctx.root,
    genesisTimestamp: history.genesisTimestamp,
  });
  const seed = ctx.seed + 1;
  const second = await deployAndSeedSecondChain({
    rpcUrl: anvil.rpcUrl,
    outDir: path.join(ctx.root, 'deployments'),
    seed,
    endTime: Math.floor(Date.now() / 1000),
    log: () => {}, // the first chain's seed already told the story; the summary line below is enough
  });
  await mineEvery(anvil.rpcUrl, SECOND_CHAIN_BLOCK_SECONDS);
  ctx.log(
    `✓ second chain at ${anvil.rpcUrl} (chain ${SECOND_CHAIN_ID}): deployed to ${path.relative(ctx.root, second.deploymentFile)}, ` +
      `seeded ${second.txCount} txs over ${second.days} days (seed ${seed}) in ${secondsSince(phase)} s, a block every ${SECOND_CHAIN_BLOCK_SECONDS} s`,
  );
  return { rpcUrl: anvil.rpcUrl, deployment: second.deployment, deploymentFile: second.deploymentFile };
}

/** Starts the indexer on a local chain (the default one unless `chainId` says) and resolves once its backfill is done. */
export async function indexLocalChain(
  ctx: Context & { rpcUrl: string; deploymentFile: string; port: number; chainId?: number },
) {
  const phase = performance.now();
  const indexer = await startIndexer({
    root: ctx.root,
    supervisor: ctx.supervisor,
    rpcUrl: ctx.rpcUrl,
    chainId: ctx.chainId ?? LOCAL_CHAIN_ID,
    deploymentFile: ctx.deploymentFile,
    port: ctx.port,
    log: ctx.log,
  });
  const forApp = ctx.chainId === undefined ? ` (BACKSTOP_INDEXER_URL=${indexer.url})` : ` (chain ${ctx.chainId})`;
  ctx.log(`✓ indexer caught up at ${indexer.url} in ${secondsSince(phase)} s${forApp}`);
  return indexer;
}

/**
 * The risk keeper on the local chain (scripts/lib/riskKeeper.ts), signing as the steward's keeper (anvil account #10,
 * which the deploy named and funded). It reads the indexer, so it starts once the backfill is done.
 */
export function startLocalRiskKeeper(
  ctx: Context & { rpcUrl: string; indexerUrl: string; deployment: Deployment },
): void {
  const keeper = startRiskKeeper({
    rpcUrl: ctx.rpcUrl,
    indexerUrl: ctx.indexerUrl,
    deployment: ctx.deployment,
    account: anvilAccount(ROLE_INDEX.riskKeeper),
    intervalMs: RISK_KEEPER_INTERVAL_MS,
    log: (m) => ctx.log(`[keeper] ${m}`),
  });
  ctx.supervisor.onShutdown('risk keeper', keeper.stop);
  ctx.log(`✓ risk keeper comparing charged and fair premiums every ${RISK_KEEPER_INTERVAL_MS / 1000} s`);
}

/** `--no-keeper` on the command line or BACKSTOP_KEEPER=off turns the risk keeper off. */
export function keeperWanted(args: readonly string[]): boolean {
  return !args.includes('--no-keeper') && process.env.BACKSTOP_KEEPER?.trim().toLowerCase() !== 'off';
}

export function seedFromEnv(): number {
  const raw = process.env.BACKSTOP_SEED;
  if (raw === undefined || raw.trim() === '') return 1;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`BACKSTOP_SEED=${raw} must be a whole number ≥ 0.`);
  return seed;
}

export function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
