import { blockCount, runBlocks } from '../blocks';
import { createKernelScratch, type KernelScratch } from '../blockKernel';
import { withDefaults } from '../defaults';
import {
  createBuffers,
  prepareKernel,
  runMonteCarlo,
  summariseRun,
  validateScenarios,
  type MonteCarloBuffers,
} from '../monteCarlo';
import {
  isBlocksRequest,
  isRiskRequest,
  isSummariseRequest,
  type BlocksResponse,
  type RiskResponse,
} from '../protocol';

/**
 * The worker's whole job, free of any worker API so that the browser worker (risk.worker.ts), the Node bench
 * (worker_threads) and the tests run the same entry: validate a message, run the Monte Carlo (a whole run, a pool
 * member's range of blocks, or the summary of a pooled run), time it. Work buffers are kept between runs and regrown only when a bigger run arrives.
 */
export function createRiskHandler(
  now: () => number = () => performance.now(),
): (message: unknown) => RiskResponse | BlocksResponse {
  let buffers: MonteCarloBuffers | null = null;
  let scratch: KernelScratch | null = null;
  return (message) => {
    const id =
      typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'number'
        ? (message as { id: number }).id
        : -1;
    try {
      if (isBlocksRequest(message)) {
        validateScenarios(message.scenarios);
        if (message.endBlock > blockCount(message.scenarios)) throw new RangeError('blocks beyond the run');
        const markets = Math.max(message.inputs.markets.length, 1);
        if (!scratch || scratch.epsilon.length < markets) scratch = createKernelScratch(markets);
        const started = now();
        const setup = prepareKernel(message.inputs, message.stress, withDefaults(message.params));
        const run = runBlocks(setup, message.seed, message.scenarios, message.firstBlock, message.endBlock, scratch);
        return { type: 'blocks', id, run, ms: now() - started };
      }
      if (isSummariseRequest(message)) {
        const started = now();
        const { inputs, scenarios, seed, params } = message;
        const result = summariseRun(inputs, { scenarios, seed, params }, message.shortfalls, message.byMarket);
        return { type: 'result', id, result, ms: now() - started };
      }
      if (!isRiskRequest(message)) return { type: 'error', id, message: 'not a simulate request' };
      const markets = Math.max(message.inputs.markets.length, 1);
      if (!buffers || buffers.shortfalls.length < message.scenarios || buffers.scratch.epsilon.length < markets) {
        buffers = createBuffers(message.scenarios, markets);
      }
      const started = now();
      const result = runMonteCarlo(
        message.inputs,
        message.stress,
        { scenarios: message.scenarios, seed: message.seed, params: message.params },
        buffers,
      );
      return { type: 'result', id, result, ms: now() - started };
    } catch (error) {
      return { type: 'error', id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** The buffers an answer can hand over instead of copying (a BlockRun's arrays). */
export function transferables(response: RiskResponse | BlocksResponse): ArrayBuffer[] {
  if (response.type !== 'blocks') return [];
  return [response.run.shortfalls.buffer as ArrayBuffer, response.run.byMarket.buffer as ArrayBuffer];
}
