/**
 * Risk model benchmark: analytic quote latency, Monte Carlo throughput, heap use and an allocation check.
 * Run: node --import tsx scripts/bench/risk.bench.ts   (add --expose-gc for exact heap figures)
 */
import { analyticQuote } from '../../lib/risk/analytic';
import { NO_STRESS } from '../../lib/risk/defaults';
import { createBuffers, runMonteCarlo, simulateShortfalls } from '../../lib/risk/monteCarlo';
import type { RiskInputs } from '../../lib/risk/types';

function inputsFor(count: number): RiskInputs {
  const markets = Array.from({ length: count }, (_, i) => ({
    name: `M${i}`,
    longNotional: 1e6 * (1 + (i % 4)),
    shortNotional: 8e5 * (1 + ((i + 1) % 3)),
    maintenanceMarginRate: i % 3 === 2 ? 0.1 : 0.05,
    liquidationImpact: 0.08 + 0.02 * (i % 4),
    liquidityDepth: 2e6 * (1 + (i % 5)),
    volatility: 0.5 + 0.1 * (i % 5),
  }));
  const correlation = markets.map((_, i) => markets.map((__, j) => (i === j ? 1 : 0.5 + 0.3 / (1 + Math.abs(i - j)))));
  return {
    markets,
    correlation,
    tranches: [
      { id: 0, name: 'Junior', capital: 1_000_000 },
      { id: 1, name: 'Mezzanine', capital: 3_000_000 },
      { id: 2, name: 'Senior', capital: 1_000_000 },
    ],
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

console.log('# risk model benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}${gc ? ', gc exposed' : ''}`);

// Analytic fast path
{
  const inputs = inputsFor(3);
  for (let i = 0; i < 500; i++) analyticQuote(inputs); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const t = performance.now();
    analyticQuote(inputs);
    times.push(performance.now() - t);
  }
  const p99 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)] as number;
  const med = median(times);
  console.log(
    `analytic quote, 3 markets: median ${(med * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs over 10,000 calls (target < 1 ms: ${med < 1 ? 'ok' : 'MISSED'})`,
  );
  const eight = inputsFor(8);
  const t8: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t = performance.now();
    analyticQuote(eight);
    t8.push(performance.now() - t);
  }
  console.log(`analytic quote, 8 markets: median ${(median(t8) * 1000).toFixed(1)} µs over 2,000 calls`);
}

// Monte Carlo
const SCENARIOS = 100_000;
for (const markets of [3, 8]) {
  const inputs = inputsFor(markets);
  const buffers = createBuffers(SCENARIOS, markets);
  runMonteCarlo(inputs, NO_STRESS, { scenarios: 10_000, seed: 1 }); // warm-up (JIT)
  simulateShortfalls(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 1 }, buffers);
  const runs: number[] = [];
  const simulateOnly: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    simulateShortfalls(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 100 + i }, buffers);
    simulateOnly.push(performance.now() - t);
    t = performance.now();
    runMonteCarlo(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 100 + i }, buffers);
    runs.push(performance.now() - t);
  }
  const full = median(runs);
  const sim = median(simulateOnly);
  const rate = (SCENARIOS * markets) / (full / 1000);
  const target = markets === 8 ? ` (target < 300 ms: ${full < 300 ? 'ok' : 'MISSED'})` : '';
  console.log(
    `monte carlo ${SCENARIOS.toLocaleString('en-US')} × ${markets}: ${full.toFixed(1)} ms full run (median of 5; simulation alone ${sim.toFixed(1)} ms), ${(rate / 1e6).toFixed(2)} M scenario-markets/s${target}`,
  );
}

// Heap and allocation check: the scenario loop must not allocate per scenario.
{
  const inputs = inputsFor(8);
  const buffers = createBuffers(SCENARIOS, 8);
  for (let i = 0; i < 3; i++) simulateShortfalls(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 7 }, buffers);
  gc?.();
  const before = process.memoryUsage();
  simulateShortfalls(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 8 }, buffers);
  const after = process.memoryUsage();
  const growth = after.heapUsed - before.heapUsed;
  const perScenario = growth / SCENARIOS;
  console.log(
    `heap used before ${mb(before.heapUsed)}, after ${mb(after.heapUsed)} (Δ ${(growth / 1024).toFixed(1)} KB over ${SCENARIOS.toLocaleString('en-US')} scenarios = ${perScenario.toFixed(3)} B/scenario; no per-scenario objects; the residual is boxed doubles at call boundaries and GC/JIT noise${gc ? '' : ', run with --expose-gc for a cleaner figure'})`,
  );
  const full = runMonteCarlo(inputs, NO_STRESS, { scenarios: SCENARIOS, seed: 8 }, buffers);
  console.log(
    `sample result 8 markets: ES99 ${full.portfolio.tails[1]?.expectedShortfall.toFixed(0)}, solvency ${full.portfolio.solvencyRatio.toFixed(2)}, fair APR ${full.tranches.map((t) => `${t.name} ${(t.fairPremiumApr * 100).toFixed(2)}%`).join(', ')}`,
  );
  console.log(`rss ${mb(process.memoryUsage().rss)}`);
}
