import { assetClassOf } from '../format/protocolName';

/**
 * The books the risk model sees when the module covers several protocols (docs/design.md, "Several covered
 * protocols"). The model's market moves are per underlying asset: two protocols' ETH markets read the same price
 * feed and move together, so their open interest adds in the one ETH book. Only active, unsuspended protocols count,
 * as in BackstopModule.requiredCapital. Bigint in, bigint out: the float boundary stays in fromChain.ts.
 */
export interface CoveredMarketView {
  name: string;
  longNotional: bigint;
  shortNotional: bigint;
}

export interface CoveredProtocolView {
  active: boolean;
  /** A suspended protocol counts in nothing until governance resumes it. */
  suspended: boolean;
  markets: readonly CoveredMarketView[];
}

export interface AssetOpenInterest {
  longNotional: bigint;
  shortNotional: bigint;
}

/** Whether BackstopModule.requiredCapital counts the protocol: active and not suspended. */
function counted(p: CoveredProtocolView): boolean {
  return p.active && !p.suspended;
}

/** Long and short notional per underlying asset (assetClassOf of the market name), over counted protocols only. */
export function openInterestByAsset(protocols: readonly CoveredProtocolView[]): Map<string, AssetOpenInterest> {
  const byAsset = new Map<string, AssetOpenInterest>();
  for (const p of protocols) {
    if (!counted(p)) continue;
    for (const m of p.markets) {
      const asset = assetClassOf(m.name);
      const sum = byAsset.get(asset) ?? { longNotional: 0n, shortNotional: 0n };
      sum.longNotional += m.longNotional;
      sum.shortNotional += m.shortNotional;
      byAsset.set(asset, sum);
    }
  }
  return byAsset;
}

export interface CoveredBooks<M> {
  /** The lens's markets in their order, each carrying its asset's open interest over every active protocol. */
  markets: M[];
  /** Active protocols counted. */
  protocols: number;
  /** Assets with covered open interest but no lens market to take book parameters and history from: not modelled. */
  unmodelled: string[];
}

/**
 * The lens's markets (the ones with book parameters and an indexed price history) with their notional replaced by
 * their asset's sum over every active protocol. A second lens market of an asset already counted carries zero, so
 * nothing counts twice. Book parameters (maintenance margin, impact, depth) stay the lens market's: a sum of books
 * liquidated against one depth slips more than two books apart, the conservative side.
 */
export function coveredBooks<M extends CoveredMarketView>(
  lensMarkets: readonly M[],
  protocols: readonly CoveredProtocolView[],
): CoveredBooks<M> {
  const byAsset = openInterestByAsset(protocols);
  const taken = new Set<string>();
  const markets = lensMarkets.map((m) => {
    const asset = assetClassOf(m.name);
    const sum = taken.has(asset) ? undefined : byAsset.get(asset);
    taken.add(asset);
    return { ...m, longNotional: sum?.longNotional ?? 0n, shortNotional: sum?.shortNotional ?? 0n };
  });
  const unmodelled = [...byAsset]
    .filter(([asset, oi]) => !taken.has(asset) && oi.longNotional + oi.shortNotional > 0n)
    .map(([asset]) => asset)
    .sort();
  return { markets, protocols: protocols.filter(counted).length, unmodelled };
}

/** "2 covered protocols, summed per asset", and the assets not modelled; a payload from before the count says 1. */
export function coveredProtocolsText(
  exposure: { protocols: number; unmodelled: readonly string[] } | undefined,
): string {
  const n = exposure?.protocols ?? 1;
  const missing = exposure?.unmodelled.length ? ` (not modelled: ${exposure.unmodelled.join(', ')})` : '';
  return `${n} covered protocol${n === 1 ? '' : 's'}, summed per asset${missing}`;
}
