import { describe, expect, it } from 'vitest';
import { createKernelScratch, simulateBlock } from './blockKernel';
import { bookShortfall } from './books';
import { NO_STRESS, withDefaults } from './defaults';
import { marketReturn } from './marketReturn';
import { MarketMoveModel } from './marketMove/model';
import { syntheticCloses } from './marketMove/testSeries';
import { prepareKernel } from './monteCarlo';
import { ScenarioSampler } from './scenarioSampler';
import type { ModelParams, RiskInputs } from './types';
import { testInputs, testMarket } from './testInputs';

const inputs = testInputs([
  testMarket('ETH', { volatility: 2.5 }),
  testMarket('BTC', { shortNotional: 0, volatility: 1.5 }),
  testMarket('SOL', { liquidationImpact: 3, liquidityDepth: 1e5, volatility: 4 }),
]);

/** SOL with a fitted market-move model: its moves come from the table. */
const fitted: RiskInputs = {
  ...inputs,
  markets: inputs.markets.map((m, i) =>
    i === 2 ? { ...m, moveModel: MarketMoveModel.fromCloses(syntheticCloses(720, 3, 0.03), m.name).toState() } : m,
  ),
};

/** The readable engine: ScenarioSampler's moves and stall draw, the marginal, bookShortfall on both books. */
function reference(inputs: RiskInputs, params: ModelParams, seed: number, block: number, count: number) {
  const setup = prepareKernel(inputs, NO_STRESS, params);
  const { markets } = setup;
  const sampler = new ScenarioSampler(markets.cholesky, params.degreesOfFreedom, seed, block);
  const moves = new Float64Array(markets.count);
  const stallProbability = params.stallProbability;
  const shortfalls = new Float64Array(count);
  const byMarket = new Float64Array(markets.count);
  for (let s = 0; s < count; s++) {
    sampler.next(moves);
    const stalled = stallProbability > 0 && sampler.uniform() < stallProbability;
    for (let i = 0; i < markets.count; i++) {
      const table = (stalled ? setup.stallTables : setup.normalTables)[i];
      const sigma = (stalled ? markets.stallSigma : markets.horizonSigma)[i] as number;
      const r = marketReturn(table, moves[i] as number, sigma, setup.logReturns);
      const args = [markets.marginRate[i], markets.impactPerSqrtNotional[i], setup.maxSlippage, r] as const;
      const loss =
        bookShortfall(markets.longNotional[i] as number, ...(args as [number, number, number, number]), true) +
        bookShortfall(markets.shortNotional[i] as number, ...(args as [number, number, number, number]), false);
      if (loss > 0) {
        shortfalls[s] = (shortfalls[s] as number) + loss;
        byMarket[i] = (byMarket[i] as number) + loss;
      }
    }
  }
  return { shortfalls, byMarket };
}

describe('block kernel', () => {
  for (const [label, market, params] of [
    ['defaults', inputs, withDefaults()],
    [
      'Gaussian, simple returns, no stalls',
      inputs,
      withDefaults({ degreesOfFreedom: Infinity, returns: 'simple', stallProbability: 0 }),
    ],
    [
      'ν = 3.5, slippage cap 5 %, stalls 20 %',
      inputs,
      withDefaults({ degreesOfFreedom: 3.5, maxSlippage: 0.05, stallProbability: 0.2 }),
    ],
    ['a fitted marginal, stalls 20 %', fitted, withDefaults({ stallProbability: 0.2 })],
  ] as const) {
    it(`draws and liquidates exactly as the readable engine (${label})`, () => {
      const count = 3_000;
      const expected = reference(market, params, 11, 5, count);
      const shortfalls = new Float64Array(count + 2);
      const byMarket = new Float64Array(4);
      const setup = prepareKernel(market, NO_STRESS, params);
      simulateBlock(setup, 11, 5, count, shortfalls, 1, byMarket, 1, createKernelScratch(3));
      expect(Array.from(shortfalls.subarray(1, count + 1))).toEqual(Array.from(expected.shortfalls));
      expect(shortfalls[0]).toBe(0);
      expect(shortfalls[count + 1]).toBe(0);
      expect(Array.from(byMarket.subarray(1))).toEqual(Array.from(expected.byMarket));
      expect(expected.shortfalls.filter((x) => x > 0).length).toBeGreaterThan(count / 20); // the books do lose
      expect(expected.byMarket[2]).toBeGreaterThan(0);
    });
  }

  it('gives each block its own stream', () => {
    const setup = prepareKernel(inputs, NO_STRESS, withDefaults());
    const run = (block: number) => {
      const out = new Float64Array(500);
      simulateBlock(setup, 11, block, 500, out, 0, new Float64Array(3), 0, createKernelScratch(3));
      return Array.from(out);
    };
    expect(run(1)).not.toEqual(run(0));
    expect(run(1)).toEqual(run(1));
  });
});
