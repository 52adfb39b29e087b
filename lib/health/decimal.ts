import { formatUnits, maxUint256 } from 'viem';

/** An on-chain integer with its scale: `amount` is exact decimal text, `raw` the integer, both strings. */
export interface DecimalAmount {
  amount: string;
  raw: string;
  decimals: number;
}

export function decimalAmount(raw: bigint, decimals: number): DecimalAmount {
  return { amount: formatUnits(raw, decimals), raw: raw.toString(), decimals };
}

/** A wad ratio (1e18 = 1 = 100 %); type(uint256).max (nothing required) is reported as `unbounded`. */
export interface DecimalRatio extends DecimalAmount {
  unbounded: boolean;
}

export function decimalRatio(rawWad: bigint): DecimalRatio {
  return { ...decimalAmount(rawWad, 18), unbounded: rawWad === maxUint256 };
}
