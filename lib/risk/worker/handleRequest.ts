import { createBuffers, runMonteCarlo, type MonteCarloBuffers } from '../monteCarlo';
import { isRiskRequest, type RiskResponse } from '../protocol';

/**
 * The worker's whole job, free of any worker API so that the browser worker (risk.worker.ts), the Node bench
 * (worker_threads) and the tests run the same entry: validate a message, run the Monte Carlo, time it.
 * Work buffers are kept between runs and regrown only when a bigger run arrives.
 */
export function createRiskHandler(now: () => number = () => performance.now()): (message: unknown) => RiskResponse {
  let buffers: MonteCarloBuffers | null = null;
  return (message) => {
    const id =
      typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'number'
        ? (message as { id: number }).id
        : -1;
    if (!isRiskRequest(message)) return { type: 'error', id, message: 'not a simulate request' };
    try {
      const markets = message.inputs.markets.length;
      if (!buffers || buffers.shortfalls.length < message.scenarios || buffers.scratch.epsilon.length < markets) {
        buffers = createBuffers(message.scenarios, Math.max(markets, 1));
      }
      const started = now();
      const result = runMonteCarlo(
        message.inputs,
        message.stress,
        { scenarios: message.scenarios, seed: message.seed, params: message.params },
        buffers,
      );
      return { type: 'result', id: message.id, result, ms: now() - started };
    } catch (error) {
      return { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
