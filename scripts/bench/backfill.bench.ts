// `npm run bench -- backfill`: how long the indexer takes to read the seeded history from an empty database.
// Boots anvil with the seeded history (seed 1, as the e2e stack), then starts the indexer on a fresh database
// BACKSTOP_BENCH_ROUNDS times (default 2) and prints, for each, the seconds to /ready and the blocks per second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { startAnvil } from '../lib/anvil';
import { buildContracts } from '../lib/contracts';
import { deployAll } from '../lib/deploy';
import { deploymentPath } from '../lib/deployment';
import { startIndexer, type IndexerProgressValue } from '../lib/indexer';
import { findFreePort } from '../lib/ports';
import { describeError, Supervisor } from '../lib/processes';
import { historyWindow, seedHistory } from '../lib/seed';
import { median, printTable } from './lib/format';

const rounds = Number(process.env.BACKSTOP_BENCH_ROUNDS ?? 2);
const supervisor = new Supervisor((m) => console.log(m));
const root = process.cwd();

async function main() {
  if (!Number.isSafeInteger(rounds) || rounds < 1)
    throw new Error(`BACKSTOP_BENCH_ROUNDS=${process.env.BACKSTOP_BENCH_ROUNDS} must be a whole number ≥ 1.`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-bench-backfill-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    await buildContracts({ root, supervisor });
    const history = historyWindow();
    const anvil = await startAnvil({
      port: await findFreePort(),
      supervisor,
      root,
      critical: false,
      genesisTimestamp: history.genesisTimestamp,
    });
    stops.push(anvil.stop);
    const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir: workDir });
    console.log('… seeding the history (seed 1)');
    await seedHistory({ rpcUrl: anvil.rpcUrl, deployment, seed: 1, endTime: history.endTime, log: () => {} });
    const head = Number(await rpcBlockNumber(anvil.rpcUrl));
    const blocks = head - deployment.deployBlock + 1;
    console.log(
      `… ${blocks} blocks to index (${deployment.deployBlock}–${head}), ${rounds} round(s) on an empty database each`,
    );

    const rows: string[][] = [];
    const seconds: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now();
      let serverUpAt: number | undefined;
      const onProgress = (p: IndexerProgressValue) => {
        if (serverUpAt === undefined && p.serverUp) serverUpAt = performance.now();
      };
      const indexer = await startIndexer({
        root,
        supervisor,
        rpcUrl: anvil.rpcUrl,
        chainId: LOCAL_CHAIN_ID,
        deploymentFile: deploymentPath(workDir, deployment.chainId),
        port: await findFreePort(),
        databaseDir: path.join(workDir, `indexer-db-${round}`),
        critical: false,
        log: () => {},
        onProgress,
      });
      const total = (performance.now() - started) / 1000;
      await indexer.stop();
      const startup = serverUpAt === undefined ? NaN : (serverUpAt - started) / 1000;
      const backfill = total - (Number.isNaN(startup) ? 0 : startup);
      seconds.push(total);
      rows.push([
        String(round),
        total.toFixed(1),
        startup.toFixed(1),
        backfill.toFixed(1),
        (blocks / total).toFixed(1),
        (blocks / backfill).toFixed(1),
      ]);
    }
    printTable(['round', 'to /ready s', 'startup s', 'backfill s', 'blocks/s (all)', 'blocks/s (backfill)'], rows);
    const mid = median(seconds);
    console.log(
      `indexer backfill of ${blocks} blocks: median ${mid.toFixed(1)} s to /ready, ${(blocks / mid).toFixed(1)} blocks/s (load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores)`,
    );
    console.log(
      '(startup: spawn until its metrics first answer, i.e. Ponder building the config and opening the database)',
    );
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function rpcBlockNumber(url: string): Promise<bigint> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  });
  return BigInt(((await response.json()) as { result: string }).result);
}

main().then(
  () => supervisor.shutdown(0),
  (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
);
