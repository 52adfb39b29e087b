/**
 * Monte Carlo worker round trip: the Node analogue of the browser's Web Worker. A worker_threads thread runs the
 * same entry as lib/risk/worker/risk.worker.ts (createRiskHandler); the main thread posts RiskRequests and times
 * post → answer (structured clone both ways + the run), against the run time the worker reports itself.
 * Run: node --import tsx scripts/bench/riskWorker.bench.ts   (the thread inherits --import tsx)
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { NO_STRESS } from '../../lib/risk/defaults';
import type { RiskRequest, RiskResponse } from '../../lib/risk/protocol';
import { DEFAULT_SCENARIOS, DEFAULT_SEED } from '../../lib/risk/protocol';
import type { RiskInputs } from '../../lib/risk/types';
import { createRiskHandler } from '../../lib/risk/worker/handleRequest';

if (!isMainThread) {
  const handle = createRiskHandler();
  parentPort?.on('message', (message: unknown) => parentPort?.postMessage(handle(message)));
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

async function main(): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  // A file-URL entry bypasses the thread's --import hooks on Node 20, so the thread registers tsx's require hook
  // itself and then loads this file (the branch above).
  const self = JSON.stringify(fileURLToPath(import.meta.url));
  const worker = new Worker(`require('tsx/cjs'); require(${self});`, { eval: true });
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
}
