import { createKernelScratch, simulateBlock, type KernelScratch, type KernelSetup } from './blockKernel';
import { blockCount, blockScenarios } from './blocks';
import { prepareMarkets } from './books';
import { NO_STRESS, withDefaults } from './defaults';
import { returnTable } from './marketMove/marginal';
import { summariseShortfalls } from './summary';
import type { ModelParams, MonteCarloResult, RiskInputs, StressScenario } from './types';

/**
 * The Monte Carlo engine: per scenario, a t-copula draw for every market (ScenarioSampler's draws) turned into its
 * move over the liquidation horizon (marketReturn: the fitted marginal's table, or σ × the unit-variance t), and
 * with probability `stallProbability` over a stalled liquidation's longer wait instead, each market's long and
 * short book liquidated through the square-root impact (bookShortfall), the clearinghouse's shortfall summed over
 * the books; then the sorted shortfalls are read through the waterfall (summary.ts). The scenarios run in blocks,
 * each on its own random stream (blocks.ts), so a pool of workers reproduces the single thread: same inputs, seed
 * and scenario count → bit-identical result.
 *
 * The loop allocates nothing per scenario: everything lives in preallocated typed arrays (blockKernel.ts).
 */
export interface MonteCarloOptions {
  scenarios: number;
  seed: number;
  params?: Partial<ModelParams>;
}

/** Work buffers, reusable across runs of the same size. */
export interface MonteCarloBuffers {
  shortfalls: Float64Array;
  byMarket: Float64Array;
  /** One block's per-market sums before they are added to byMarket. */
  blockByMarket: Float64Array;
  scratch: KernelScratch;
}

export function createBuffers(scenarios: number, markets: number): MonteCarloBuffers {
  return {
    shortfalls: new Float64Array(scenarios),
    byMarket: new Float64Array(markets),
    blockByMarket: new Float64Array(markets),
    scratch: createKernelScratch(markets),
  };
}

/** The stressed markets and the parameters the kernel reads, validated. */
export function prepareKernel(inputs: RiskInputs, stress: StressScenario, params: ModelParams): KernelSetup {
  const markets = prepareMarkets(inputs, stress, params);
  const dof = params.degreesOfFreedom;
  const multiplier = markets.volatilityMultiplier;
  return {
    markets,
    degreesOfFreedom: dof,
    logReturns: params.returns === 'log',
    maxSlippage: params.maxSlippage,
    stallProbability: params.stallProbability,
    // Markets with a fitted marginal read their price return off a table of the copula score (marketMove/marginal.ts).
    normalTables: markets.marginals.map((g) => g && returnTable(g.normal, dof, multiplier)),
    stallTables: markets.marginals.map((g) => g && returnTable(g.stalled, dof, multiplier)),
  };
}

export function validateScenarios(scenarios: number): void {
  if (!(Number.isInteger(scenarios) && scenarios > 0)) throw new RangeError('scenarios must be a positive integer');
}

/**
 * Simulates the shortfall of every scenario into buffers.shortfalls (unsorted, scenario order) and the sum of each
 * market's shortfall into buffers.byMarket (block sums added in block order, as mergeBlockRuns adds them).
 */
export function simulateShortfalls(
  inputs: RiskInputs,
  stress: StressScenario,
  options: MonteCarloOptions,
  buffers: MonteCarloBuffers,
): void {
  const setup = prepareKernel(inputs, stress, withDefaults(options.params));
  const { scenarios, seed } = options;
  validateScenarios(scenarios);
  const m = setup.markets.count;
  const { shortfalls, byMarket, blockByMarket, scratch } = buffers;
  if (shortfalls.length < scenarios || scratch.epsilon.length < m || blockByMarket.length < m) {
    throw new RangeError('buffers too small');
  }
  byMarket.fill(0);
  for (let b = 0; b < blockCount(scenarios); b++) {
    const { start, end } = blockScenarios(b, scenarios);
    simulateBlock(setup, seed, b, end - start, shortfalls, start, blockByMarket, 0, scratch);
    for (let i = 0; i < m; i++) byMarket[i] = (byMarket[i] as number) + (blockByMarket[i] as number);
  }
}

/** The result of a simulated run: sorts `shortfalls` (the first `options.scenarios`) in place and summarises. */
export function summariseRun(
  inputs: RiskInputs,
  options: MonteCarloOptions,
  shortfalls: Float64Array,
  byMarket: Float64Array,
): MonteCarloResult {
  const params = withDefaults(options.params);
  const sorted = shortfalls.subarray(0, options.scenarios).sort();
  const openInterest = inputs.markets.reduce((sum, market) => sum + market.longNotional + market.shortNotional, 0);
  const summary = summariseShortfalls(sorted, inputs.tranches, openInterest, params);
  return {
    kind: 'monteCarlo',
    scenarios: options.scenarios,
    seed: options.seed,
    ...summary,
    expectedShortfallByMarket: Array.from(byMarket.subarray(0, inputs.markets.length), (x) => x / options.scenarios),
  };
}

export function runMonteCarlo(
  inputs: RiskInputs,
  stress: StressScenario = NO_STRESS,
  options: MonteCarloOptions,
  buffers: MonteCarloBuffers = createBuffers(options.scenarios, inputs.markets.length),
): MonteCarloResult {
  simulateShortfalls(inputs, stress, options, buffers);
  return summariseRun(inputs, options, buffers.shortfalls, buffers.byMarket);
}
