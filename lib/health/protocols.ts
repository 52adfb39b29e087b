import { maxUint256 } from 'viem';
import { assetClassOf, plainLabel, protocolLabel } from '@/lib/format/protocolName';
import { shareOf } from './coverage';
import { WAD } from './wad';

/** One of a covered protocol's markets as the lens reports it (BackstopLens.ProtocolMarketView). */
export interface ProtocolMarketReading {
  id: bigint;
  name: string;
  longNotional: bigint;
  shortNotional: bigint;
  stressLossRate: bigint;
}

/** A covered protocol as the lens reports it (BackstopLens.ProtocolView). */
export interface ProtocolReading {
  id: bigint;
  clearinghouse: string;
  name: string;
  active: boolean;
  exposure: bigint;
  exposureCap: bigint;
  premiumShare: bigint;
  retainedPremium: bigint;
  markets: readonly ProtocolMarketReading[];
}

export interface ProtocolMarketHealth {
  id: number;
  /** Safe to show (assetClassOf's token is plain text; the name is cut and cleaned). */
  name: string;
  assetClass: string;
  /** Asset units: long plus short notional at the oracle price. */
  notional: bigint;
  /** Wad. */
  stressLossRate: bigint;
  /** Asset units: notional × stress loss rate, rounded down as the module does. */
  exposure: bigint;
}

export interface ProtocolHealth {
  id: number;
  /** Safe to show: protocolLabel of the on-chain name. */
  name: string;
  clearinghouse: string;
  active: boolean;
  /** Asset units; counts in required capital only while active. */
  exposure: bigint;
  /** Asset units; null when uncapped (type(uint256).max). */
  exposureCap: bigint | null;
  /** Wad fraction of the cap in use; null when uncapped. */
  capUsed: bigint | null;
  /** Wad fraction of the module's required capital (0 once removed). */
  shareOfRequired: bigint;
  /** Wad: the backstop's part of each premium the protocol charges. */
  premiumShare: bigint;
  /** Asset units: premium the protocol charged and kept. */
  retainedPremium: bigint;
  markets: ProtocolMarketHealth[];
}

export interface AssetClassExposure {
  assetClass: string;
  /** Asset units, over every active protocol's markets of this asset. */
  notional: bigint;
  exposure: bigint;
  /** Wad fraction of the module's required capital. */
  shareOfRequired: bigint;
  /** "Protocol · market" of every market in the class. */
  markets: string[];
}

const MAX_MARKET_NAME = 16;

/** The lens's protocols with each market's exposure, the cap in use and each one's share of required capital. */
export function protocolHealth(protocols: readonly ProtocolReading[], requiredCapital: bigint): ProtocolHealth[] {
  return protocols.map((p) => {
    const id = Number(p.id);
    const capped = p.exposureCap !== maxUint256;
    return {
      id,
      name: protocolLabel(p.name, id),
      clearinghouse: p.clearinghouse,
      active: p.active,
      exposure: p.exposure,
      exposureCap: capped ? p.exposureCap : null,
      capUsed: capped ? shareOf(p.exposure, p.exposureCap) : null,
      shareOfRequired: p.active ? shareOf(p.exposure, requiredCapital) : 0n,
      premiumShare: p.premiumShare,
      retainedPremium: p.retainedPremium,
      markets: p.markets.map((m) => {
        const notional = m.longNotional + m.shortNotional;
        return {
          id: Number(m.id),
          name: plainLabel(m.name, MAX_MARKET_NAME) || `#${Number(m.id)}`,
          assetClass: assetClassOf(m.name),
          notional,
          stressLossRate: m.stressLossRate,
          exposure: (notional * m.stressLossRate) / WAD,
        };
      }),
    };
  });
}

/** Active protocols' markets grouped by underlying asset, largest exposure first (ties by name). */
export function exposureByAssetClass(
  protocols: readonly ProtocolHealth[],
  requiredCapital: bigint,
): AssetClassExposure[] {
  const classes = new Map<string, AssetClassExposure>();
  for (const p of protocols) {
    if (!p.active) continue;
    for (const m of p.markets) {
      const c = classes.get(m.assetClass) ?? {
        assetClass: m.assetClass,
        notional: 0n,
        exposure: 0n,
        shareOfRequired: 0n,
        markets: [],
      };
      c.notional += m.notional;
      c.exposure += m.exposure;
      c.markets.push(`${p.name} · ${m.name}`);
      classes.set(m.assetClass, c);
    }
  }
  return [...classes.values()]
    .map((c) => ({ ...c, shareOfRequired: shareOf(c.exposure, requiredCapital) }))
    .sort((a, b) =>
      a.exposure === b.exposure ? a.assetClass.localeCompare(b.assetClass) : a.exposure > b.exposure ? -1 : 1,
    );
}
