/**
 * The contracts' solvency and premium arithmetic in bigint, step for step, so that a proposal's "after" is what the
 * chain would report once it is executed: BackstopModule.requiredCapital (over every active, unsuspended covered protocol) /
 * solvencyRatio / _distribute's weights and PremiumCurveLib.utilisationOf / multiplier. Wads: 1e18 = 1.
 *
 * Calls whose effect on required capital is computed here (applyCoverCall): BackstopModule.setStressLossRate(marketId,
 * rate) (protocol 0), setProtocolStressLossRate(protocolId, marketId, rate), removeProtocol(protocolId),
 * suspendProtocol(protocolId) and resumeProtocol(protocolId).
 */
export const WAD = 10n ** 18n;
export const MAX_UINT256 = 2n ** 256n - 1n;
/** PremiumCurveLib.MAX_UTILISATION. */
export const MAX_UTILISATION = 2n * WAD;

/** OpenZeppelin Math.mulDiv: floor(a·b / c), or rounded up. */
export function mulDiv(a: bigint, b: bigint, c: bigint, rounding: 'floor' | 'ceil' = 'floor'): bigint {
  if (c === 0n) throw new RangeError('mulDiv by zero');
  const product = a * b;
  const quotient = product / c;
  return rounding === 'ceil' && quotient * c !== product ? quotient + 1n : quotient;
}

/** BackstopModule.requiredCapital: Σ (long + short notional) × stress loss rate, each rounded down. */
export function requiredCapital(
  markets: readonly { longNotional: bigint; shortNotional: bigint; stressLossRate: bigint }[],
): bigint {
  return markets.reduce((sum, m) => sum + mulDiv(m.longNotional + m.shortNotional, m.stressLossRate, WAD), 0n);
}

/** One covered protocol as required capital counts it (BackstopLens.ProtocolView, its markets in market-id order). */
export interface CoveredProtocol {
  id: number;
  active: boolean;
  /** Suspended by the guardian or governance: counts in nothing until resumed, like a removed one. */
  suspended: boolean;
  markets: readonly {
    id: number;
    name: string;
    longNotional: bigint;
    shortNotional: bigint;
    stressLossRate: bigint;
  }[];
}

/**
/** Whether the module counts the protocol (BackstopModule._requiredCapital): active and not suspended. */
export function isCounted(p: { active: boolean; suspended: boolean }): boolean {
  return p.active && !p.suspended;
}

/**
 * BackstopModule.requiredCapital with several protocols: Σ over counted (active, unsuspended) protocols of Σ over
 * their markets of (long + short notional) × the protocol's stress loss rate, each market rounded down
 * (BackstopModule._exposure).
 */
export function requiredCapitalOfProtocols(protocols: readonly CoveredProtocol[]): bigint {
  return protocols.reduce((sum, p) => (isCounted(p) ? sum + requiredCapital(p.markets) : sum), 0n);
}

/** A module call that moves required capital, with its arguments as decoded (uint256 → bigint). */
export type CoverCall =
  | { functionName: 'setStressLossRate'; args: readonly [marketId: bigint, rate: bigint] }
  | { functionName: 'setProtocolStressLossRate'; args: readonly [protocolId: bigint, marketId: bigint, rate: bigint] }
  | { functionName: 'removeProtocol' | 'suspendProtocol' | 'resumeProtocol'; args: readonly [protocolId: bigint] };

/** The module's refusals of a registry call on an existing protocol (suspendProtocol / resumeProtocol / remove). */
function refused(call: CoverCall, p: CoveredProtocol): boolean {
  switch (call.functionName) {
    case 'removeProtocol':
      return !p.active;
    case 'suspendProtocol':
      return !p.active || p.suspended;
    case 'resumeProtocol':
      return !p.active || !p.suspended;
    default:
      return false;
  }
}

/**
 * The protocols after `call` is executed (a new array; the input is not changed), or null when the module would
 * revert: an unknown protocol, removing one already removed, suspending a removed or suspended one, resuming one
 * not suspended (or removed). A rate for a market the protocol's clearinghouse does
 * not list is stored by the module but counts nothing, so the protocols come back unchanged. Rate bounds are
 * bounds.ts's job.
 */
export function applyCoverCall(protocols: readonly CoveredProtocol[], call: CoverCall): CoveredProtocol[] | null {
  const [protocolId, marketId, rate] =
    call.functionName === 'setStressLossRate'
      ? [0n, call.args[0], call.args[1]]
      : call.functionName === 'setProtocolStressLossRate'
        ? call.args
        : [call.args[0], null, null];
  const target = protocols.find((p) => BigInt(p.id) === protocolId);
  if (!target || refused(call, target)) return null;
  return protocols.map((p) => {
    if (p !== target) return p;
    if (call.functionName === 'suspendProtocol') return { ...p, suspended: true };
    if (call.functionName === 'resumeProtocol') return { ...p, suspended: false };
    if (rate === null) return { ...p, active: false };
    return { ...p, markets: p.markets.map((m) => (BigInt(m.id) === marketId ? { ...m, stressLossRate: rate } : m)) };
  });
}

/** BackstopModule.solvencyRatio: capital ÷ required as a wad; type(uint256).max when nothing is required. */
export function solvencyRatio(totalCapital: bigint, required: bigint): bigint {
  return required === 0n ? MAX_UINT256 : mulDiv(totalCapital, WAD, required);
}

/** PremiumCurveLib.utilisationOf: required ÷ capital from the solvency ratio, capped at MAX_UTILISATION. */
export function utilisationOf(ratio: bigint): bigint {
  if (ratio === MAX_UINT256) return 0n;
  if (ratio === 0n) return MAX_UTILISATION;
  const u = mulDiv(WAD, WAD, ratio, 'ceil');
  return u < MAX_UTILISATION ? u : MAX_UTILISATION;
}

export interface PremiumCurve {
  kink: bigint;
  slope1: bigint;
  slope2: bigint;
  referenceVolatility: bigint;
  /** The clearinghouse's premium volatility input. */
  volatility: bigint;
}

/** PremiumCurveLib.multiplier: the premium multiplier at utilisation u. */
export function premiumMultiplier(curve: PremiumCurve, utilisation: bigint): bigint {
  const u = utilisation < MAX_UTILISATION ? utilisation : MAX_UTILISATION;
  const m =
    u < curve.kink
      ? WAD + mulDiv(curve.slope1, u, curve.kink)
      : WAD + curve.slope1 + mulDiv(curve.slope2, u - curve.kink, WAD - curve.kink);
  return mulDiv(m, curve.volatility, curve.referenceVolatility);
}

/**
 * Each tranche's share of a premium payment as a wad (BackstopModule._distribute): capital × risk multiplier over the
 * sum of them. All zero when no tranche has weight (the module then holds the premium).
 */
export function premiumShares(tranches: readonly { totalAssets: bigint; riskMultiplier: bigint }[]): bigint[] {
  const weights = tranches.map((t) => t.totalAssets * t.riskMultiplier);
  const total = weights.reduce((a, b) => a + b, 0n);
  return weights.map((w) => (total === 0n ? 0n : mulDiv(w, WAD, total)));
}
