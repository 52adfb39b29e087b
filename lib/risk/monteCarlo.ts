import { bookShortfall, prepareMarkets } from './books';
import { NO_STRESS, withDefaults } from './defaults';
import { lookupReturn, returnTable } from './marketMove/marginal';
import { ScenarioSampler } from './scenarioSampler';
import { summariseShortfalls } from './summary';
import type { ModelParams, MonteCarloResult, RiskInputs, StressScenario } from './types';

/**
 * The Monte Carlo engine: per scenario, a t-copula draw for every market (ScenarioSampler) turned into its move
 * over the liquidation horizon (the fitted marginal's table, or σ × the unit-variance t), and with probability
 * `stallProbability` over a stalled liquidation's longer wait instead, each market's long and short book liquidated through the square-root impact (bookShortfall),
 * the clearinghouse's shortfall summed over the books; then the sorted shortfalls are read through the waterfall
 * (summary.ts). Same inputs, seed and scenario count → bit-identical result.
 *
 * The loop allocates nothing per scenario: moves and shortfalls live in preallocated Float64Arrays.
 */
export interface MonteCarloOptions {
  scenarios: number;
  seed: number;
  params?: Partial<ModelParams>;
}

/** Work buffers, reusable across runs of the same size. */
export interface MonteCarloBuffers {
  shortfalls: Float64Array;
  moves: Float64Array;
  byMarket: Float64Array;
}

export function createBuffers(scenarios: number, markets: number): MonteCarloBuffers {
  return {
    shortfalls: new Float64Array(scenarios),
    moves: new Float64Array(markets),
    byMarket: new Float64Array(markets),
  };
}

/**
 * Simulates the shortfall of every scenario into buffers.shortfalls (unsorted, scenario order) and the sum of each
 * market's shortfall into buffers.byMarket.
 */
export function simulateShortfalls(
  inputs: RiskInputs,
  stress: StressScenario,
  options: MonteCarloOptions,
  buffers: MonteCarloBuffers,
): void {
  const params = withDefaults(options.params);
  const markets = prepareMarkets(inputs, stress, params);
  const { scenarios, seed } = options;
  if (!(Number.isInteger(scenarios) && scenarios > 0)) throw new RangeError('scenarios must be a positive integer');
  if (buffers.shortfalls.length < scenarios || buffers.moves.length < markets.count) {
    throw new RangeError('buffers too small');
  }
  const sampler = new ScenarioSampler(markets.cholesky, params.degreesOfFreedom, seed);
  const { shortfalls, moves, byMarket } = buffers;
  const { horizonSigma, stallSigma, longNotional, shortNotional, marginRate, impactPerSqrtNotional } = markets;
  const m = markets.count;
  const logReturns = params.returns === 'log';
  const maxSlippage = params.maxSlippage;
  const stallProbability = params.stallProbability;
  const dof = params.degreesOfFreedom;
  const multiplier = markets.volatilityMultiplier;
  // Markets with a fitted marginal read their price return off a table of the copula score (marketMove/marginal.ts).
  const normalTables = markets.marginals.map((g) => g && returnTable(g.normal, dof, multiplier));
  const stallTables = markets.marginals.map((g) => g && returnTable(g.stalled, dof, multiplier));
  byMarket.fill(0);
  for (let s = 0; s < scenarios; s++) {
    sampler.next(moves);
    // One stall draw per scenario for every market: congestion holds up every keeper at once.
    const stalled = stallProbability > 0 && sampler.uniform() < stallProbability;
    const tables = stalled ? stallTables : normalTables;
    const sigmas = stalled ? stallSigma : horizonSigma;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const table = tables[i];
      let r: number;
      if (table) {
        r = lookupReturn(table, moves[i] as number);
      } else {
        const x = (moves[i] as number) * (sigmas[i] as number);
        r = logReturns ? Math.expm1(x) : x;
      }
      if (r === 0) continue;
      const loss =
        r < 0
          ? bookShortfall(
              longNotional[i] as number,
              marginRate[i] as number,
              impactPerSqrtNotional[i] as number,
              maxSlippage,
              r,
              true,
            )
          : bookShortfall(
              shortNotional[i] as number,
              marginRate[i] as number,
              impactPerSqrtNotional[i] as number,
              maxSlippage,
              r,
              false,
            );
      if (loss > 0) {
        total += loss;
        byMarket[i] = (byMarket[i] as number) + loss;
      }
    }
    shortfalls[s] = total;
  }
}

export function runMonteCarlo(
  inputs: RiskInputs,
  stress: StressScenario = NO_STRESS,
  options: MonteCarloOptions,
  buffers: MonteCarloBuffers = createBuffers(options.scenarios, inputs.markets.length),
): MonteCarloResult {
  const params = withDefaults(options.params);
  simulateShortfalls(inputs, stress, options, buffers);
  const sorted = buffers.shortfalls.subarray(0, options.scenarios).sort();
  const openInterest = inputs.markets.reduce((sum, market) => sum + market.longNotional + market.shortNotional, 0);
  const summary = summariseShortfalls(sorted, inputs.tranches, openInterest, params);
  return {
    kind: 'monteCarlo',
    scenarios: options.scenarios,
    seed: options.seed,
    ...summary,
    expectedShortfallByMarket: Array.from(
      buffers.byMarket.subarray(0, inputs.markets.length),
      (x) => x / options.scenarios,
    ),
  };
}
