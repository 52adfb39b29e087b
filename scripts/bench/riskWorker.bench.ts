/**
 * Monte Carlo worker round trip: the Node analogue of the browser's Web Worker. A worker_threads thread runs the
 * same entry as lib/risk/worker/risk.worker.ts (createRiskHandler); the main thread posts RiskRequests and times
 * post → answer (structured clone both ways + the run), against the run time the worker reports itself.
 * Then the pool (RiskPool, as the app drives it) of 1, 2 and as many workers as the machine has cores.
 * Run: node --import tsx scripts/bench/riskWorker.bench.ts   (the thread inherits --import tsx)
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { NO_STRESS } from '../../lib/risk/defaults';
import type { BlocksResponse, RiskRequest, RiskResponse } from '../../lib/risk/protocol';
import { DEFAULT_SCENARIOS, DEFAULT_SEED } from '../../lib/risk/protocol';
import type { RiskInputs } from '../../lib/risk/types';
import { createRiskHandler, transferables } from '../../lib/risk/worker/handleRequest';
import { RiskPool, type PoolMember } from '../../lib/risk/worker/riskPool';
import { runBlocks } from '../../lib/risk/blocks';
import { withDefaults } from '../../lib/risk/defaults';
import { prepareKernel, summariseRun } from '../../lib/risk/monteCarlo';
import { mergeShares, shareRun } from '../../lib/risk/pooledRun';
import { median } from './lib/format';
import { medianMs } from './lib/timing';

if (!isMainThread) {
  const handle = createRiskHandler();
  parentPort?.on('message', (message: unknown) => {
    const response = handle(message);
    parentPort?.postMessage(response, transferables(response));
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

function inputs(count: number): RiskInputs {
  const markets = Array.from({ length: count }, (_, i) => ({
    name: `M${i}`,
    longNotional: 1e6 * (1 + (i % 4)),
    shortNotional: 8e5 * (1 + ((i + 1) % 3)),
    maintenanceMarginRate: 0.05,
    liquidationImpact: 0.1,
    liquidityDepth: 2e6 * (1 + (i % 5)),
    volatility: 0.6 + 0.1 * (i % 4),
  }));
  return {
    markets,
    correlation: markets.map((_, i) => markets.map((__, j) => (i === j ? 1 : 0.6))),
    tranches: [
      { id: 0, name: 'Junior', capital: 1e6 },
      { id: 1, name: 'Mezzanine', capital: 3e6 },
      { id: 2, name: 'Senior', capital: 1e6 },
    ],
  };
}

// A file-URL entry bypasses the thread's --import hooks on Node 20, so the thread registers tsx's require hook
// itself and then loads this file (the branch above).
function startThread(): Worker {
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(fileURLToPath(import.meta.url))});`, {
    eval: true,
  });
}

async function main(): Promise<void> {
  const worker = startThread();
  let id = 0;
  const roundTrip = (request: Omit<RiskRequest, 'id' | 'type'>) =>
    new Promise<{ wall: number; ms: number }>((resolve, reject) => {
      const message: RiskRequest = { ...request, type: 'simulate', id: ++id };
      const started = performance.now();
      const onMessage = (response: RiskResponse) => {
        if (response.id !== message.id) return;
        worker.off('message', onMessage);
        if (response.type === 'error') reject(new Error(response.message));
        else resolve({ wall: performance.now() - started, ms: response.ms });
      };
      worker.on('message', onMessage);
      worker.postMessage(message);
    });

  console.log('# risk worker round trip (Node worker_threads, same entry as the browser worker)');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  for (const [markets, scenarios] of [
    [3, 10_000],
    [3, DEFAULT_SCENARIOS],
    [8, DEFAULT_SCENARIOS],
  ] as const) {
    const request = { inputs: inputs(markets), stress: NO_STRESS, scenarios, seed: DEFAULT_SEED };
    await roundTrip(request); // warm-up: JIT and buffer allocation
    const walls: number[] = [];
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { wall, ms } = await roundTrip(request);
      walls.push(wall);
      runs.push(ms);
    }
    const overhead = walls.map((w, i) => w - (runs[i] as number));
    console.log(
      `${markets} markets × ${scenarios.toLocaleString('en-US')} scenarios: round trip median ${median(walls).toFixed(1)} ms ` +
        `(run in worker ${median(runs).toFixed(1)} ms, messaging + clone ${median(overhead).toFixed(2)} ms)`,
    );
  }
  // Latest-wins in practice: a burst of 5 requests, as a slider drag would send without the UI's debounce.
  const burstStart = performance.now();
  const burst = Array.from({ length: 5 }, (_, i) =>
    roundTrip({
      inputs: inputs(3),
      stress: { ...NO_STRESS, volatilityMultiplier: 1 + i / 2 },
      scenarios: DEFAULT_SCENARIOS,
      seed: DEFAULT_SEED,
    }),
  );
  await Promise.all(burst);
  console.log(
    `burst of 5 × 100,000 queued in the worker: ${(performance.now() - burstStart).toFixed(0)} ms until the last answer (why the UI keeps one in flight)`,
  );
  await worker.terminate();
  await benchPool();
}

/** The pool as the app drives it, one request at a time: 100,000 × 8 for pools of 1, 2 and all cores. */
async function benchPool(): Promise<void> {
  const cores = os.availableParallelism();
  const request = { inputs: inputs(8), stress: NO_STRESS, scenarios: DEFAULT_SCENARIOS, seed: DEFAULT_SEED };
  let reference: string | null = null;
  for (const size of [...new Set([1, 2, cores])]) {
    const threads = Array.from({ length: size }, startThread);
    const members: PoolMember[] = threads.map((thread) => ({
      postMessage: (message, transfer) => thread.postMessage(message, transfer),
      addEventListener: (_type, listener) =>
        thread.on('message', (data: RiskResponse | BlocksResponse) => listener({ data })),
    }));
    const pool = new RiskPool(members);
    let id = 0;
    const run = () =>
      new Promise<{ wall: number; result: string }>((resolve, reject) => {
        const message: RiskRequest = { ...request, type: 'simulate', id: ++id };
        const started = performance.now();
        const listener = (event: { data: RiskResponse }) => {
          if (event.data.id !== message.id) return;
          if (event.data.type === 'error') reject(new Error(event.data.message));
          else resolve({ wall: performance.now() - started, result: JSON.stringify(event.data.result) });
        };
        pool.addEventListener('message', listener);
        pool.postMessage(message);
      });
    await run(); // warm-up: thread start, JIT
    await run();
    const walls: number[] = [];
    let result = '';
    for (let i = 0; i < 7; i++) {
      const answer = await run();
      walls.push(answer.wall);
      result = answer.result;
    }
    reference ??= result;
    console.log(
      `pool of ${size} worker${size === 1 ? '' : 's'}${size === cores ? ` (= cores, ${cores})` : ''}, 8 markets × ${DEFAULT_SCENARIOS.toLocaleString('en-US')}: ` +
        `median ${median(walls).toFixed(1)} ms post → merged result (target < 300 ms: ${median(walls) < 300 ? 'ok' : 'MISSED'}); ` +
        `result ${result === reference ? 'identical to the pool of 1' : 'DIFFERS from the pool of 1'}`,
    );
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  // What a pool of more than one costs the UI thread: merging the shares in block order (the summary is a worker's).
  const message: RiskRequest = { ...request, type: 'simulate', id: 0 };
  const setup = prepareKernel(request.inputs, request.stress, withDefaults());
  const shares = shareRun(message, 2).map((share) =>
    runBlocks(setup, share.seed, share.scenarios, share.firstBlock, share.endBlock),
  );
  const mergeMs = medianMs(() => mergeShares(message, shares), 7, 2);
  const summaryMs = medianMs(
    () => {
      const merged = mergeShares(message, shares);
      summariseRun(request.inputs, request, merged.shortfalls, merged.byMarket);
    },
    7,
    2,
  );
  console.log(
    `pool merge on the UI thread (100,000 × 8): median ${mergeMs.toFixed(1)} ms; the summary the first worker then does: ${(summaryMs - mergeMs).toFixed(1)} ms`,
  );
}
