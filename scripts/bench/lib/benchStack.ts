import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_CHAIN_ID } from '../../../lib/protocol/chain';
import { startAnvil } from '../../lib/anvil';
import { buildApp, distDir, staleBuildReason, startApp } from '../../lib/app';
import { buildContracts } from '../../lib/contracts';
import { deployAll } from '../../lib/deploy';
import { deploymentPath, type Deployment } from '../../lib/deployment';
import { startIndexer } from '../../lib/indexer';
import { findFreePort } from '../../lib/ports';
import type { Supervisor } from '../../lib/processes';
import { historyWindow, seedHistory } from '../../lib/seed';
import { classifyJsonRpcMethod, startCountingProxy, type CountingProxy } from '../../lib/countingProxy';

export interface BenchStack {
  /** The app's base URL on loopback, e.g. http://127.0.0.1:40123. */
  appUrl: string;
  indexerUrl: string;
  /** Sits between anvil and everything that reads it through the app (its server and its pages). */
  proxy: CountingProxy;
  deployment: Deployment;
  stop: () => Promise<void>;
}

/**
 * A stack of its own on free ports, like the e2e harness: anvil with the seeded history (seed 1), the indexer caught up,
 * and `next start` whose BACKSTOP_RPC_URL is the counting proxy (so its browser pages read through it too).
 * Builds the app first into BACKSTOP_DIST_DIR if that build is stale.
 */
export async function bootBenchStack(options: {
  root: string;
  supervisor: Supervisor;
  refreshSeconds: number;
  log: (message: string) => void;
}): Promise<BenchStack> {
  const { root, supervisor, log } = options;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-bench-'));
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const run of stops.reverse()) await run().catch(() => {});
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const [anvilPort, proxyPort, indexerPort, appPort] = (await distinctPorts(4)) as [number, number, number, number];
    const reason = staleBuildReason(root);
    if (reason) {
      log(`… next build into ${distDir()} (${reason})`);
      await buildApp({ root, supervisor });
    }
    await buildContracts({ root, supervisor });
    const history = historyWindow();
    const anvil = await startAnvil({
      port: anvilPort,
      supervisor,
      root,
      critical: false,
      genesisTimestamp: history.genesisTimestamp,
    });
    stops.push(anvil.stop);
    const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir: workDir });
    log('… seeding the history (seed 1)');
    await seedHistory({ rpcUrl: anvil.rpcUrl, deployment, seed: 1, endTime: history.endTime, log: () => {} });
    const deploymentFile = deploymentPath(workDir, deployment.chainId);
    log('… indexer backfill');
    const indexer = await startIndexer({
      root,
      supervisor,
      rpcUrl: anvil.rpcUrl,
      chainId: LOCAL_CHAIN_ID,
      deploymentFile,
      port: indexerPort,
      databaseDir: path.join(workDir, 'indexer-db'),
      critical: false,
      log: () => {},
    });
    stops.push(indexer.stop);
    const proxy = await startCountingProxy(proxyPort, anvil.rpcUrl, { classify: classifyJsonRpcMethod, cors: true });
    stops.push(proxy.stop);
    const app = await startApp({
      root,
      port: appPort,
      supervisor,
      critical: false,
      env: {
        BACKSTOP_RPC_URL: proxy.url,
        BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
        BACKSTOP_DEPLOYMENT: deploymentFile,
        BACKSTOP_INDEXER_URL: indexer.url,
        BACKSTOP_REFRESH_SECONDS: String(options.refreshSeconds),
      },
    });
    stops.push(app.stop);
    proxy.reset(); // startApp's readiness probe of "/" is no page's cost
    return { appUrl: `http://127.0.0.1:${appPort}`, indexerUrl: indexer.url, proxy, deployment, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function distinctPorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await findFreePort());
  return [...ports];
}
