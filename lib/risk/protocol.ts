import type { BlockRun } from './blocks';
import type { ModelParams, MonteCarloResult, RiskInputs, StressScenario } from './types';

/**
 * Messages between the UI thread and a Web Worker that runs the Monte Carlo engine (runMonteCarlo). Everything is
 * structured-clone safe (plain objects, numbers, arrays). Ids let the UI drop a stale answer when a newer request
 * (a new block, a moved stress slider) has been sent since.
 */
export interface RiskRequest {
  type: 'simulate';
  id: number;
  inputs: RiskInputs;
  stress: StressScenario;
  scenarios: number;
  seed: number;
  params?: Partial<ModelParams>;
}

export type RiskResponse =
  | { type: 'result'; id: number; result: MonteCarloResult; /** wall time of the run in the worker */ ms: number }
  | { type: 'error'; id: number; message: string };

/**
 * A pool member's share of a run (lib/risk/worker/riskPool.ts): the blocks [firstBlock, endBlock) of the run the
 * simulate request with the same fields describes. The answer carries the raw BlockRun, its arrays transferred.
 */
export interface BlocksRequest extends Omit<RiskRequest, 'type'> {
  type: 'blocks';
  firstBlock: number;
  endBlock: number;
}

export type BlocksResponse =
  { type: 'blocks'; id: number; run: BlockRun; ms: number } | { type: 'error'; id: number; message: string };

/**
 * The last step of a pooled run: the merged shortfalls (scenario order) and per-market sums, summarised in a worker
 * so that the sort and the waterfall stay off the UI thread. The answer is the run's RiskResponse.
 */
export interface SummariseRequest extends Omit<RiskRequest, 'type' | 'stress'> {
  type: 'summarise';
  shortfalls: Float64Array;
  byMarket: Float64Array;
}

/** Defaults the UI should send: enough for a stable 99.9 % tail (≈ 100 tail scenarios) in ~50 ms. */
export const DEFAULT_SCENARIOS = 100_000;
export const DEFAULT_SEED = 20_240_601;

export function isRiskRequest(message: unknown): message is RiskRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<RiskRequest>;
  return (
    m.type === 'simulate' &&
    typeof m.id === 'number' &&
    typeof m.scenarios === 'number' &&
    typeof m.seed === 'number' &&
    typeof m.inputs === 'object' &&
    typeof m.stress === 'object'
  );
}

export function isBlocksRequest(message: unknown): message is BlocksRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<BlocksRequest>;
  return (
    isRiskRequest({ ...m, type: 'simulate' }) &&
    m.type === 'blocks' &&
    Number.isInteger(m.firstBlock) &&
    Number.isInteger(m.endBlock) &&
    (m.firstBlock as number) >= 0 &&
    (m.endBlock as number) > (m.firstBlock as number)
  );
}

export function isSummariseRequest(message: unknown): message is SummariseRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<SummariseRequest>;
  return (
    m.type === 'summarise' &&
    typeof m.id === 'number' &&
    typeof m.scenarios === 'number' &&
    typeof m.seed === 'number' &&
    typeof m.inputs === 'object' &&
    m.shortfalls instanceof Float64Array &&
    m.byMarket instanceof Float64Array &&
    m.shortfalls.length === m.scenarios
  );
}
