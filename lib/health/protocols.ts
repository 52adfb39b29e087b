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
  suspended: boolean;
  /** False when its clearinghouse's reads reverted or ran out of gas in the lens: exposure and markets are then empty. */
  readable: boolean;
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
  /** Suspended by the guardian or governance: no covers, no opens, not counted, until governance resumes it. */
  suspended: boolean;
  /** Counts in required capital: active and not suspended (BackstopModule._requiredCapital). */
  counted: boolean;
  /** False when the lens could not read its clearinghouse: `exposure` and `markets` are then unknown (0, empty). */
  readable: boolean;
  /** Why the row needs a word, in plain text (unreadable, suspended); null when it does not. */
  note: string | null;
  /** Asset units; counts in required capital only while counted. */
  exposure: bigint;
  /** Asset units; null when uncapped (type(uint256).max). */
  exposureCap: bigint | null;
  /** Wad fraction of the cap in use; null when uncapped. */
  capUsed: bigint | null;
  /** Wad fraction of the module's required capital (0 once removed or while suspended). */
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

/** What a row says beside its figures: why it is unreadable, and what that or a suspension does. */
function protocolNote(p: ProtocolReading, counted: boolean): string | null {
  if (!p.readable && counted)
    return (
      "Unreadable: its clearinghouse's open-interest views revert or run out of gas. Its exposure is unknown and " +
      'left out of required capital here, and until the guardian suspends it the module cannot price any open: ' +
      "every protocol's new positions are refused."
    );
  if (!p.readable)
    return (
      "Unreadable: its clearinghouse's open-interest views revert or run out of gas. It no longer counts, so it " +
      'blocks no one.'
    );
  if (p.active && p.suspended)
    return 'Suspended: it cannot draw on the waterfall or open positions, and its exposure does not count, until governance resumes it.';
  return null;
}

/** The lens's protocols with each market's exposure, the cap in use and each one's share of required capital. */
export function protocolHealth(protocols: readonly ProtocolReading[], requiredCapital: bigint): ProtocolHealth[] {
  return protocols.map((p) => {
    const id = Number(p.id);
    const capped = p.exposureCap !== maxUint256;
    const counted = p.active && !p.suspended;
    return {
      id,
      name: protocolLabel(p.name, id),
      clearinghouse: p.clearinghouse,
      active: p.active,
      suspended: p.suspended,
      counted,
      readable: p.readable,
      note: protocolNote(p, counted),
      exposure: p.exposure,
      exposureCap: capped ? p.exposureCap : null,
      capUsed: capped && p.readable ? shareOf(p.exposure, p.exposureCap) : null,
      shareOfRequired: counted ? shareOf(p.exposure, requiredCapital) : 0n,
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

/** Counted (active, unsuspended) protocols' markets grouped by underlying asset, largest exposure first. */
export function exposureByAssetClass(
  protocols: readonly ProtocolHealth[],
  requiredCapital: bigint,
): AssetClassExposure[] {
  const classes = new Map<string, AssetClassExposure>();
  for (const p of protocols) {
    if (!p.counted) continue;
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
