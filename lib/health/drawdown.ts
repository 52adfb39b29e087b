import { WAD } from './wad';

/** The higher of the indexed all-time peak and the current price: a new high is its own peak. */
export function peakPrice(currentPrice: bigint, indexedPeak: bigint | null): bigint {
  return indexedPeak !== null && indexedPeak > currentPrice ? indexedPeak : currentPrice;
}

/**
 * Drawdown from the peak as a wad fraction, ≤ 0: price 0.8 against peak 1.0 -> -0.2e18. Rounded toward zero so a
 * price at its peak never shows as a tiny loss.
 */
export function drawdownWad(price: bigint, peak: bigint): bigint {
  if (peak === 0n || price >= peak) return 0n;
  return -(((peak - price) * WAD) / peak);
}
