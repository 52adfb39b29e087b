/**
 * "Now" for cutting ranges: the chain's clock (the lens read's block time) when known, since a local chain can run
 * apart from the wall clock; otherwise the newest indexed sample, otherwise the wall clock.
 */
export function rangeNow(blockTimestamp: number | null, latestSample: number | null, wallMs: number): number {
  return blockTimestamp ?? latestSample ?? Math.floor(wallMs / 1000);
}
