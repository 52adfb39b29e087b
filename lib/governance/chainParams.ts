import type { Address } from 'viem';
import type { Dashboard } from '@/lib/chain/readDashboard';

/** One market's risk parameters as governance sees them (clearinghouse MarketParams plus the module's stress rate). */
export interface MarketParamsView {
  id: number;
  name: string;
  stressLossRate: bigint;
  initialMarginRate: bigint;
  maintenanceMarginRate: bigint;
  feeRate: bigint;
  /** Not in the lens: read from Clearinghouse.market(id); null when unknown. */
  liquidationFeeRate: bigint | null;
  liquidationImpact: bigint;
  liquidityDepth: bigint;
}

/** A covered protocol as governance sets it; `name` is untrusted text from the chain (lib/format/protocolName.ts). */
export interface ProtocolParamsView {
  id: number;
  name: string;
  clearinghouse: Address;
  active: boolean;
  /** Suspended by the guardian or governance: no covers, no exposure counted, no opens until governance resumes it. */
  suspended: boolean;
  exposureCap: bigint;
  premiumShare: bigint;
  /** The protocol's markets (its own clearinghouse's ids) and the stress loss rate it has for each. */
  markets: { id: number; name: string; stressLossRate: bigint }[];
}

/** Every timelock-owned parameter's current value: what templates show as "current" and the decoder as "before". */
export interface ChainParams {
  assetDecimals: number;
  assetSymbol: string;
  tranches: {
    id: number;
    name: string;
    depositCap: bigint;
    cooldown: bigint;
    unstakeWindow: bigint;
    riskMultiplier: bigint;
    /** The tranche's vault: never a valid strategy (InvalidStrategy). */
    vault: Address;
    /** The ERC-4626 strategy, the zero address when none. */
    strategy: Address;
    /** The share of assets kept idle, a wad. */
    bufferShare: bigint;
  }[];
  markets: MarketParamsView[];
  /** Covered protocols by id (protocol 0 is `clearinghouse`), removed ones included: ids are never reused. */
  protocols: ProtocolParamsView[];
  premiumVestingPeriod: bigint;
  solvencyThreshold: bigint;
  guardian: Address;
  /** Not in the lens: read from Clearinghouse.maxPriceAge(); null when unknown. */
  maxPriceAge: bigint | null;
  /**
   * votingDelay + votingPeriod + timelock delay: the shortest time from a proposal to its execution. Every cooldown
   * must stay below it minus a day (ExitBeforeExecution.sol); null when unknown.
   */
  governancePath: bigint | null;
  /** The clearinghouse's premium curve and volatility input (BackstopLens PremiumView); null when not read. */
  premium: {
    kink: bigint;
    slope1: bigint;
    slope2: bigint;
    referenceVolatility: bigint;
    volatility: bigint;
  } | null;
  /** The risk steward's keeper, limits and ranges (index: Junior, Mezzanine, Senior multiplier, volatility); null when none. */
  steward: {
    keeper: Address;
    maxStep: bigint;
    minInterval: bigint;
    min: readonly bigint[];
    max: readonly bigint[];
  } | null;
}

export interface ClearinghouseExtras {
  maxPriceAge: bigint | null;
  /** By market id. */
  liquidationFeeRates: readonly (bigint | null)[];
}

/** The lens dashboard plus the two clearinghouse values it does not carry. */
export function chainParamsFrom(
  dashboard: Pick<Dashboard, 'module' | 'tranches' | 'markets'> &
    Partial<Pick<Dashboard, 'governance' | 'premium' | 'protocols'>>,
  extras: ClearinghouseExtras = { maxPriceAge: null, liquidationFeeRates: [] },
): ChainParams {
  return {
    assetDecimals: dashboard.module.assetDecimals,
    assetSymbol: dashboard.module.assetSymbol,
    tranches: dashboard.tranches.map((t) => ({
      id: t.id,
      name: t.name,
      depositCap: t.depositCap,
      cooldown: t.cooldown,
      unstakeWindow: t.unstakeWindow,
      riskMultiplier: t.riskMultiplier,
      vault: t.vault,
      strategy: t.strategy,
      bufferShare: t.bufferShare,
    })),
    protocols: (dashboard.protocols ?? []).map((p) => ({
      id: Number(p.id),
      name: p.name,
      clearinghouse: p.clearinghouse,
      active: p.active,
      suspended: p.suspended,
      exposureCap: p.exposureCap,
      premiumShare: p.premiumShare,
      markets: p.markets.map((m) => ({ id: Number(m.id), name: m.name, stressLossRate: m.stressLossRate })),
    })),
    markets: dashboard.markets.map((m) => ({
      id: Number(m.id),
      name: m.name,
      stressLossRate: m.stressLossRate,
      initialMarginRate: m.initialMarginRate,
      maintenanceMarginRate: m.maintenanceMarginRate,
      feeRate: m.feeRate,
      liquidationFeeRate: extras.liquidationFeeRates[Number(m.id)] ?? null,
      liquidationImpact: m.liquidationImpact,
      liquidityDepth: m.liquidityDepth,
    })),
    premiumVestingPeriod: dashboard.module.premiumVestingPeriod,
    solvencyThreshold: dashboard.module.solvencyThreshold,
    guardian: dashboard.module.guardian,
    maxPriceAge: extras.maxPriceAge,
    governancePath: dashboard.governance
      ? dashboard.governance.votingDelay + dashboard.governance.votingPeriod + dashboard.governance.timelockDelay
      : null,
    premium: dashboard.premium
      ? {
          kink: dashboard.premium.kink,
          slope1: dashboard.premium.slope1,
          slope2: dashboard.premium.slope2,
          referenceVolatility: dashboard.premium.referenceVolatility,
          volatility: dashboard.premium.volatility,
        }
      : null,
    steward:
      dashboard.premium && BigInt(dashboard.premium.steward) !== 0n
        ? {
            keeper: dashboard.premium.keeper,
            maxStep: dashboard.premium.maxStep,
            minInterval: dashboard.premium.minInterval,
            min: dashboard.premium.stewardMin,
            max: dashboard.premium.stewardMax,
          }
        : null,
  };
}
