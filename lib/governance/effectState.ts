import type { Address } from 'viem';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { CoveredProtocol, PremiumCurve } from './solvencyMath';

/**
 * The chain figures a proposal's effect is measured on, from one lens read: what the contracts' solvency and premium
 * arithmetic and the risk model read, and nothing else. Raw integers (asset units with `assetDecimals`, wads).
 */
export interface EffectState {
  blockNumber: bigint;
  /** Block time of the read, unix s. */
  timestamp: number;
  assetDecimals: number;
  assetSymbol: string;
  /** In the lens's order (market id). */
  markets: {
    id: number;
    name: string;
    longNotional: bigint;
    shortNotional: bigint;
    stressLossRate: bigint;
    maintenanceMarginRate: bigint;
    liquidationImpact: bigint;
    liquidityDepth: bigint;
  }[];
  /**
   * The covered protocols with their markets' open interest and stress loss rates: required capital sums the active
   * ones. Null on a lens from before several protocols (required capital is then `markets`' alone).
   */
  protocols: CoveredProtocol[] | null;
  /** Waterfall order: Junior (id 0) first. */
  tranches: { id: number; name: string; totalAssets: bigint; riskMultiplier: bigint }[];
  solvencyThreshold: bigint;
  /** The clearinghouse's premium curve and volatility input; null when not read. */
  premium: PremiumCurve | null;
}

/** One account's holding in each tranche (same order as EffectState.tranches). */
export interface EffectAccount {
  address: Address;
  tranches: { shares: bigint; assets: bigint }[];
}

type LensForEffect = Pick<Dashboard, 'blockNumber' | 'timestamp' | 'module' | 'markets' | 'tranches'> &
  Partial<Pick<Dashboard, 'premium' | 'protocols'>>;

export function effectStateFrom(lens: LensForEffect): EffectState {
  return {
    blockNumber: lens.blockNumber,
    timestamp: Number(lens.timestamp),
    assetDecimals: lens.module.assetDecimals,
    assetSymbol: lens.module.assetSymbol,
    markets: lens.markets.map((m) => ({
      id: Number(m.id),
      name: m.name,
      longNotional: m.longNotional,
      shortNotional: m.shortNotional,
      stressLossRate: m.stressLossRate,
      maintenanceMarginRate: m.maintenanceMarginRate,
      liquidationImpact: m.liquidationImpact,
      liquidityDepth: m.liquidityDepth,
    })),
    protocols: lens.protocols
      ? lens.protocols.map((p) => ({
          id: Number(p.id),
          active: p.active,
          suspended: p.suspended,
          markets: p.markets.map((m) => ({
            id: Number(m.id),
            name: m.name,
            longNotional: m.longNotional,
            shortNotional: m.shortNotional,
            stressLossRate: m.stressLossRate,
          })),
        }))
      : null,
    tranches: [...lens.tranches]
      .sort((a, b) => a.id - b.id)
      .map((t) => ({ id: t.id, name: t.name, totalAssets: t.totalAssets, riskMultiplier: t.riskMultiplier })),
    solvencyThreshold: lens.module.solvencyThreshold,
    premium: lens.premium
      ? {
          kink: lens.premium.kink,
          slope1: lens.premium.slope1,
          slope2: lens.premium.slope2,
          referenceVolatility: lens.premium.referenceVolatility,
          volatility: lens.premium.volatility,
        }
      : null,
  };
}

/** The account's section of a lens read made for it; null when the read was not for `account` (a fallback read). */
export function effectAccountFrom(user: Dashboard['user'], account: Address): EffectAccount | null {
  if (user.account.toLowerCase() !== account.toLowerCase()) return null;
  return { address: user.account, tranches: user.tranches.map((t) => ({ shares: t.shares, assets: t.assets })) };
}

/** EffectState as JSON: every bigint a decimal string. */
export type EffectStateJson = ReturnType<typeof effectStateToJson>;

export function effectStateToJson(state: EffectState) {
  return {
    blockNumber: state.blockNumber.toString(),
    timestamp: state.timestamp,
    assetDecimals: state.assetDecimals,
    assetSymbol: state.assetSymbol,
    markets: state.markets.map((m) => ({
      id: m.id,
      name: m.name,
      longNotional: m.longNotional.toString(),
      shortNotional: m.shortNotional.toString(),
      stressLossRate: m.stressLossRate.toString(),
      maintenanceMarginRate: m.maintenanceMarginRate.toString(),
      liquidationImpact: m.liquidationImpact.toString(),
      liquidityDepth: m.liquidityDepth.toString(),
    })),
    protocols:
      state.protocols?.map((p) => ({
        id: p.id,
        active: p.active,
        suspended: p.suspended,
        markets: p.markets.map((m) => ({
          id: m.id,
          name: m.name,
          longNotional: m.longNotional.toString(),
          shortNotional: m.shortNotional.toString(),
          stressLossRate: m.stressLossRate.toString(),
        })),
      })) ?? null,
    tranches: state.tranches.map((t) => ({
      id: t.id,
      name: t.name,
      totalAssets: t.totalAssets.toString(),
      riskMultiplier: t.riskMultiplier.toString(),
    })),
    solvencyThreshold: state.solvencyThreshold.toString(),
    premium: state.premium
      ? {
          kink: state.premium.kink.toString(),
          slope1: state.premium.slope1.toString(),
          slope2: state.premium.slope2.toString(),
          referenceVolatility: state.premium.referenceVolatility.toString(),
          volatility: state.premium.volatility.toString(),
        }
      : null,
  };
}

/** Back from JSON (throws on a malformed integer string). */
export function effectStateFromJson(json: EffectStateJson): EffectState {
  return {
    blockNumber: BigInt(json.blockNumber),
    timestamp: json.timestamp,
    assetDecimals: json.assetDecimals,
    assetSymbol: json.assetSymbol,
    markets: json.markets.map((m) => ({
      id: m.id,
      name: m.name,
      longNotional: BigInt(m.longNotional),
      shortNotional: BigInt(m.shortNotional),
      stressLossRate: BigInt(m.stressLossRate),
      maintenanceMarginRate: BigInt(m.maintenanceMarginRate),
      liquidationImpact: BigInt(m.liquidationImpact),
      liquidityDepth: BigInt(m.liquidityDepth),
    })),
    protocols:
      json.protocols?.map((p) => ({
        id: p.id,
        active: p.active,
        suspended: p.suspended,
        markets: p.markets.map((m) => ({
          id: m.id,
          name: m.name,
          longNotional: BigInt(m.longNotional),
          shortNotional: BigInt(m.shortNotional),
          stressLossRate: BigInt(m.stressLossRate),
        })),
      })) ?? null,
    tranches: json.tranches.map((t) => ({
      id: t.id,
      name: t.name,
      totalAssets: BigInt(t.totalAssets),
      riskMultiplier: BigInt(t.riskMultiplier),
    })),
    solvencyThreshold: BigInt(json.solvencyThreshold),
    premium: json.premium
      ? {
          kink: BigInt(json.premium.kink),
          slope1: BigInt(json.premium.slope1),
          slope2: BigInt(json.premium.slope2),
          referenceVolatility: BigInt(json.premium.referenceVolatility),
          volatility: BigInt(json.premium.volatility),
        }
      : null,
  };
}
