import { WAD } from './wad';

export interface MarketNotional {
  longNotional: bigint;
  shortNotional: bigint;
}

/** Total open-interest notional (asset units): long plus short of every market. */
export function totalOpenInterest(markets: readonly MarketNotional[]): bigint {
  return markets.reduce((sum, m) => sum + m.longNotional + m.shortNotional, 0n);
}

/** Capital / total open-interest notional as a wad fraction; null when there is no open interest to cover. */
export function coverageOfOpenInterest(capital: bigint, markets: readonly MarketNotional[]): bigint | null {
  const oi = totalOpenInterest(markets);
  if (oi === 0n) return null;
  return (capital * WAD) / oi;
}

/** part / whole as a wad fraction; 0 when the whole is 0 (an empty module has no shares to speak of). */
export function shareOf(part: bigint, whole: bigint): bigint {
  return whole === 0n ? 0n : (part * WAD) / whole;
}
