import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../monteCarlo';
import { NO_STRESS } from '../defaults';
import type { RiskRequest } from '../protocol';
import type { RiskInputs } from '../types';
import { createRiskHandler } from './handleRequest';

const inputs: RiskInputs = {
  markets: [
    {
      name: 'ETH',
      longNotional: 2e6,
      shortNotional: 1e6,
      maintenanceMarginRate: 0.05,
      liquidationImpact: 0.1,
      liquidityDepth: 5e6,
      volatility: 0.8,
    },
    {
      name: 'BTC',
      longNotional: 1e6,
      shortNotional: 1.5e6,
      maintenanceMarginRate: 0.05,
      liquidationImpact: 0.1,
      liquidityDepth: 8e6,
      volatility: 0.6,
    },
  ],
  correlation: [
    [1, 0.7],
    [0.7, 1],
  ],
  tranches: [
    { id: 0, name: 'Junior', capital: 2e5 },
    { id: 1, name: 'Mezzanine', capital: 5e5 },
    { id: 2, name: 'Senior', capital: 1e6 },
  ],
};

const request = (id: number, scenarios = 5_000): RiskRequest => ({
  type: 'simulate',
  id,
  inputs,
  stress: NO_STRESS,
  scenarios,
  seed: 7,
});

describe('createRiskHandler', () => {
  it('answers a request with the engine result, its id and a duration', () => {
    let t = 0;
    const handle = createRiskHandler(() => (t += 5));
    const response = handle(request(3));
    expect(response.type).toBe('result');
    if (response.type !== 'result') return;
    expect(response.id).toBe(3);
    expect(response.ms).toBe(5);
    expect(response.result).toEqual(runMonteCarlo(inputs, NO_STRESS, { scenarios: 5_000, seed: 7 }));
  });

  it('reuses and regrows its buffers without changing results', () => {
    const handle = createRiskHandler();
    const big = handle(request(1, 8_000));
    const small = handle(request(2, 2_000));
    const bigAgain = handle(request(3, 8_000));
    if (big.type !== 'result' || small.type !== 'result' || bigAgain.type !== 'result')
      throw new Error('expected results');
    expect(bigAgain.result).toEqual(big.result);
    expect(small.result).toEqual(runMonteCarlo(inputs, NO_STRESS, { scenarios: 2_000, seed: 7 }));
  });

  it('reports a malformed message and an engine error as errors with the id', () => {
    const handle = createRiskHandler();
    expect(handle({ type: 'nope', id: 4 })).toEqual({ type: 'error', id: 4, message: 'not a simulate request' });
    expect(handle(null)).toMatchObject({ type: 'error', id: -1 });
    const bad = handle({ ...request(5), scenarios: 0 });
    expect(bad).toMatchObject({ type: 'error', id: 5 });
  });
});
