import { maxUint256 } from 'viem';

export type SolvencyStatus = 'healthy' | 'warning' | 'critical';

/**
 * Warning starts below 1.25 × the threshold: a 20 % fall in capital (or rise in requirement) from there would breach
 * it, which is about one bad day of a volatile market. Expressed as the fraction 5/4 so the math stays in bigint.
 */
export const WARNING_NUMERATOR = 5n;
export const WARNING_DENOMINATOR = 4n;

/** The ratio (wad) below which the status turns from healthy to warning. */
export function warningLevel(thresholdWad: bigint): bigint {
  return (thresholdWad * WARNING_NUMERATOR) / WARNING_DENOMINATOR;
}

/**
 * critical: ratio < threshold; warning: threshold ≤ ratio < 1.25 × threshold; healthy otherwise.
 * The lens reports type(uint256).max when nothing is required: that is healthy.
 */
export function solvencyStatus(ratioWad: bigint, thresholdWad: bigint): SolvencyStatus {
  if (ratioWad === maxUint256) return 'healthy';
  if (ratioWad < thresholdWad) return 'critical';
  if (ratioWad < warningLevel(thresholdWad)) return 'warning';
  return 'healthy';
}
