import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { buildApp, staleBuildReason, startApp, type RunningApp } from './app';
import { buildContracts } from './contracts';
import { deployAll } from './deploy';
import { deploymentPath } from './deployment';
import { E2eSecondChain } from './e2eSecondChain';
import { startFaultControl } from './faultControl';
import { secondsSince } from './localChain';
import { findFreePort } from './ports';
import { describeError, describeExit, type Supervisor } from './processes';
import { RestartableAnvil } from './restartableAnvil';
import { RestartableIndexer } from './restartableIndexer';
import { historyWindow, seedHistory } from './seed';

/** The e2e chain is seeded with a fixed seed and has no simulator, so what the page shows is deterministic. */
const E2E_SEED = 1;

export interface E2eStack {
  /**
   * What the specs read: BASE_URL, BACKSTOP_RPC_URL, …, BACKSTOP_E2E_CONTROL_URL, and where the second chain and its
   * app answer once e2e/chains.spec.ts has started them (BACKSTOP_E2E_CHAIN2_RPC_URL, BACKSTOP_E2E_CHAIN2_DEPLOYMENT,
   * BACKSTOP_E2E_CHAINS_URL).
   */
  env: Record<string, string>;
  /** Why the stack is not whole after the tests: a service that died, or one a test stopped and did not start again. */
  problems(): Promise<string[]>;
  /** Stops every service and removes the work directory. */
  stop(): Promise<void>;
}

/**
 * The stack the e2e specs run against, on free ports and in a temporary directory: contracts built, deployed and seeded
 * while `next build` runs, then the indexer's backfill, `next start`, and the fault control through which
 * e2e/faults.spec.ts stops anvil and the indexer for real.
 */
export async function startE2eStack(options: {
  root: string;
  supervisor: Supervisor;
  log: (message: string) => void;
}): Promise<E2eStack> {
  const { root, supervisor, log } = options;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-e2e-'));
  const removeWorkDir = async () => fs.rmSync(workDir, { recursive: true, force: true });
  supervisor.onShutdown('e2e work directory', removeWorkDir);
  const started: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of started.reverse()) await stopOne();
    started.length = 0;
    await removeWorkDir();
  };
  try {
    // Never the default ports: a running `npm start` keeps its chain, app and deployments/31337.json.
    const anvilPort = await findFreePort();
    let appPort = await findFreePort();
    while (appPort === anvilPort) appPort = await findFreePort();
    let indexerPort = await findFreePort();
    while (indexerPort === anvilPort || indexerPort === appPort) indexerPort = await findFreePort();

    // allSettled, not all: a failed build must not leave the seeding running past this stack's teardown.
    const [chain, build] = await Promise.allSettled([
      (async () => {
        await buildContracts({ root, supervisor });
        const history = historyWindow();
        // Restartable: e2e/faults.spec.ts stops anvil and the indexer for real through the fault control below.
        const anvil = await RestartableAnvil.start({
          port: anvilPort,
          supervisor,
          root,
          genesisTimestamp: history.genesisTimestamp,
          stateFile: path.join(workDir, 'anvil-state.json'),
        });
        started.push(() => anvil.dispose());
        log(`✓ contracts compiled, anvil up at ${anvil.rpcUrl}`);
        const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir: workDir });
        const deploymentFile = deploymentPath(workDir, deployment.chainId);
        log(`✓ deployed to ${deploymentFile}`);
        const seeded = await seedHistory({
          rpcUrl: anvil.rpcUrl,
          deployment,
          seed: E2E_SEED,
          endTime: history.endTime,
          log: (m) => log(`  [seed] ${m}`),
        });
        log(`✓ seeded ${seeded.txCount} txs over ${seeded.days} days (seed ${E2E_SEED})`);
        const backfillStarted = performance.now();
        // Waited for while it makes progress, without a fixed limit (scripts/lib/indexer.ts, INDEXER_STALL_MS).
        const indexer = await RestartableIndexer.start({
          root,
          supervisor,
          rpcUrl: anvil.rpcUrl,
          chainId: LOCAL_CHAIN_ID,
          deploymentFile,
          port: indexerPort,
          databaseDir: path.join(workDir, 'indexer-db'),
          log,
        });
        started.push(() => indexer.dispose());
        log(`✓ indexer caught up at ${indexer.url} in ${secondsSince(backfillStarted)} s`);
        return { anvil, deploymentFile, indexer };
      })(),
      (async () => {
        const reason = staleBuildReason(root);
        if (!reason) return log('✓ app build is up to date');
        log(`… next build (${reason})`);
        await buildApp({ root, supervisor });
        log('✓ app built');
      })(),
    ]);
    if (chain.status === 'rejected' || build.status === 'rejected') {
      const reasons = [chain, build].flatMap((o) => (o.status === 'rejected' ? [describeError(o.reason)] : []));
      throw new Error(reasons.join('\n'));
    }
    const { anvil, deploymentFile, indexer } = chain.value;

    const appEnv = {
      BACKSTOP_RPC_URL: anvil.rpcUrl,
      BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
      BACKSTOP_DEPLOYMENT: deploymentFile,
      BACKSTOP_INDEXER_URL: indexer.url,
    };
    const app = await startApp({
      root,
      port: appPort,
      supervisor,
      env: { ...appEnv, BACKSTOP_EXPLORER_URL: 'http://explorer.invalid' },
      onLine: (line) => {
        if (line.trim()) log(`[app] ${line}`);
      },
      critical: false,
    });
    started.push(app.stop);
    log(`✓ app served at ${app.url}`);
    const taken = new Set([anvilPort, appPort, indexerPort]);
    const freePort = async () => {
      let port = await findFreePort();
      while (taken.has(port)) port = await findFreePort();
      taken.add(port);
      return port;
    };
    const chain2 = new E2eSecondChain({
      root,
      supervisor,
      log,
      workDir,
      anvilPort: await freePort(),
      appPort: await freePort(),
      indexerPort: await freePort(),
      appEnv,
    });
    started.push(() => chain2.dispose());
    const control = await startFaultControl(await freePort(), { anvil, indexer, chain2 }, log);
    started.push(control.stop);
    supervisor.onShutdown('fault control', control.stop);

    return {
      env: {
        ...appEnv,
        BASE_URL: app.url,
        BACKSTOP_E2E_CONTROL_URL: control.url,
        BACKSTOP_E2E_CHAIN2_RPC_URL: chain2.rpcUrl,
        BACKSTOP_E2E_CHAIN2_DEPLOYMENT: chain2.deploymentFile,
        BACKSTOP_E2E_CHAINS_URL: chain2.appUrl,
      },
      problems: () => stackProblems(app, anvil, indexer, chain2),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A stop through the fault control is planned and not a crash, but the stack must be whole again afterwards. */
async function stackProblems(
  app: RunningApp,
  anvil: RestartableAnvil,
  indexer: RestartableIndexer,
  chain2: E2eSecondChain,
): Promise<string[]> {
  const appCrash = app.process.hasExited
    ? { exit: await app.process.exited, tail: app.process.outputTail() }
    : undefined;
  const services = [
    ['next start', { running: !appCrash, crash: async () => appCrash }],
    ['anvil', anvil],
    ['the indexer', indexer],
    // Booted only by the multi-chain spec: nothing to check when it did not run.
    ...(chain2.booted ? [['the second chain', chain2] as const] : []),
  ] as const;
  const problems: string[] = [];
  for (const [name, service] of services) {
    const crash = await service.crash();
    if (crash) problems.push(`${name} died during the tests (${describeExit(crash.exit)}):\n${crash.tail}`);
    else if (!service.running) problems.push(`${name} was stopped by a test and not started again.`);
  }
  return problems;
}
