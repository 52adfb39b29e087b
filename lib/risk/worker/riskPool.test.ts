import { describe, expect, it, vi } from 'vitest';
import { BLOCK_SIZE } from '../blocks';
import { NO_STRESS } from '../defaults';
import { runMonteCarlo } from '../monteCarlo';
import type { BlocksRequest, BlocksResponse, RiskRequest, RiskResponse, SummariseRequest } from '../protocol';
import { createRiskHandler } from './handleRequest';
import { RiskClient } from './riskClient';
import { poolSize, RiskPool, type PoolMember } from './riskPool';
import { TEST_TRANCHES, testInputs, testMarket } from '../testInputs';

/** A worker in this thread: the real handler, messages cloned both ways and answered on a later task. */
class InProcessWorker implements PoolMember {
  private readonly handle = createRiskHandler();
  private listener: ((event: { data: RiskResponse | BlocksResponse }) => void) | null = null;
  received: (RiskRequest | BlocksRequest | SummariseRequest)[] = [];
  postMessage(message: RiskRequest | BlocksRequest | SummariseRequest) {
    this.received.push(message);
    const copy = structuredClone(message);
    setTimeout(() => this.listener?.({ data: structuredClone(this.handle(copy)) }), 0);
  }
  addEventListener(_type: 'message', listener: (event: { data: RiskResponse | BlocksResponse }) => void) {
    this.listener = listener;
  }
}

const inputs = testInputs(
  [
    testMarket('ETH', { volatility: 0.9 }),
    testMarket('BTC', { volatility: 0.7 }),
    testMarket('SOL', { volatility: 1.1 }),
  ],
  TEST_TRANCHES,
);

const run = { inputs, stress: { ...NO_STRESS, volatilityMultiplier: 2 }, scenarios: BLOCK_SIZE * 6 + 500, seed: 42 };

describe('RiskPool', () => {
  it('gives the single-worker result for pools of 1, 2 and 3 workers', async () => {
    const single = runMonteCarlo(run.inputs, run.stress, { scenarios: run.scenarios, seed: run.seed });
    expect(single.portfolio.probabilityOfShortfall).toBeGreaterThan(0.01);
    for (const size of [1, 2, 3]) {
      const workers = Array.from({ length: size }, () => new InProcessWorker());
      const client = new RiskClient(new RiskPool(workers));
      const outcome = await client.request(run);
      if (outcome.status !== 'result') throw new Error(`pool of ${size}: ${JSON.stringify(outcome)}`);
      expect(outcome.response.result).toEqual(single);
      // every member did a share (7 blocks split 7, 4 + 3, 3 + 2 + 2), and the first one the summary
      const types = workers.map((w) => w.received.map((m) => m.type).join());
      expect(types).toEqual(size === 1 ? ['simulate'] : ['blocks,summarise', ...Array(size - 1).fill('blocks')]);
    }
  });

  it('drops the shares of a run a newer request replaced', async () => {
    const pool = new RiskPool([new InProcessWorker(), new InProcessWorker()]);
    const answers: RiskResponse[] = [];
    pool.addEventListener('message', (event) => answers.push(event.data));
    pool.postMessage({ ...run, type: 'simulate', id: 1 });
    pool.postMessage({ ...run, type: 'simulate', id: 2, seed: 44 });
    // Each member answers in order, so run 1's shares are all in by the time run 2's answer is.
    await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(answers.map((a) => a.id)).toEqual([2]);
    const answer = answers[0];
    if (answer?.type !== 'result') throw new Error('expected a result');
    expect(answer.result).toEqual(runMonteCarlo(run.inputs, run.stress, { scenarios: run.scenarios, seed: 44 }));
  });

  it('reports a failed share as the run’s error', async () => {
    const client = new RiskClient(new RiskPool([new InProcessWorker(), new InProcessWorker()]));
    const outcome = await client.request({ ...run, stress: { ...NO_STRESS, volatilityMultiplier: -1 } });
    expect(outcome).toEqual({ status: 'error', message: 'volatilityMultiplier must be ≥ 0' });
  });

  it('sizes itself to the cores less one for the UI, between 1 and 8', () => {
    expect([undefined, 1, 2, 3, 4, 8, 9, 64].map(poolSize)).toEqual([1, 1, 1, 2, 3, 7, 8, 8]);
  });
});
