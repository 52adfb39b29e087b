import { maxUint256 } from 'viem';
import { formatAmount } from './amount';

const WAD_DECIMALS = 18;

/**
 * The lens reports an unbounded ratio (nothing required) as type(uint256).max.
 * Showing that as a 78-digit number would be noise.
 */
const UNBOUNDED = '∞';

/** 1e18-based fixed point as a percentage: 1.5e18 -> "150.00 %". */
export function formatWadPercent(wad: bigint, fractionDigits = 2): string {
  if (wad === maxUint256) return UNBOUNDED;
  return formatAmount(wad * 100n, WAD_DECIMALS, { fractionDigits, unit: '%' });
}

/** 1e18-based fixed point as a multiple: 1.5e18 -> "1.50×". */
export function formatRatio(wad: bigint, fractionDigits = 2): string {
  if (wad === maxUint256) return UNBOUNDED;
  return `${formatAmount(wad, WAD_DECIMALS, { fractionDigits })}×`;
}
