import { mergeBlockRuns, splitBlocks, type BlockRun } from './blocks';
import type { BlocksRequest, RiskRequest, SummariseRequest } from './protocol';

/**
 * A run spread over a pool, without the workers: the shares to send (one contiguous range of blocks per member),
 * and what they return merged in block order into the summarise request whose answer equals runMonteCarlo's on one
 * thread, bit for bit (the handler summarises it with summariseRun).
 */
export function shareRun(request: RiskRequest, members: number): BlocksRequest[] {
  return splitBlocks(request.scenarios, members).map(({ firstBlock, endBlock }) => ({
    ...request,
    type: 'blocks',
    firstBlock,
    endBlock,
  }));
}

export function mergeShares(request: RiskRequest, runs: readonly BlockRun[]): SummariseRequest {
  const markets = request.inputs.markets.length;
  const merged = { shortfalls: new Float64Array(request.scenarios), byMarket: new Float64Array(markets) };
  mergeBlockRuns(runs, request.scenarios, markets, merged);
  const { id, inputs, scenarios, seed, params } = request;
  return { type: 'summarise', id, inputs, scenarios, seed, params, ...merged };
}
