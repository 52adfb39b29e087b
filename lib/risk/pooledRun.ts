import { mergeBlockRuns, splitBlocks, type BlockRun } from './blocks';
import { summariseRun } from './monteCarlo';
import type { BlocksRequest, RiskRequest } from './protocol';
import type { MonteCarloResult } from './types';

/**
 * A run spread over a pool, without the workers: the shares to send (one contiguous range of blocks per member)
 * and the result put back together from what they return, equal bit for bit to runMonteCarlo on one thread.
 */
export function shareRun(request: RiskRequest, members: number): BlocksRequest[] {
  return splitBlocks(request.scenarios, members).map(({ firstBlock, endBlock }) => ({
    ...request,
    type: 'blocks',
    firstBlock,
    endBlock,
  }));
}

export function resultFromShares(request: RiskRequest, runs: readonly BlockRun[]): MonteCarloResult {
  const markets = request.inputs.markets.length;
  const merged = { shortfalls: new Float64Array(request.scenarios), byMarket: new Float64Array(markets) };
  mergeBlockRuns(runs, request.scenarios, markets, merged);
  return summariseRun(
    request.inputs,
    { scenarios: request.scenarios, seed: request.seed, params: request.params },
    merged.shortfalls,
    merged.byMarket,
  );
}
