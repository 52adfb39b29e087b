import { chargedAprs } from './chargedApr';
import { fairAprs } from './fairAprs';
import type { LensForRisk, SampleForRisk } from '../risk/worker/inputsPayload';

/** The lens fields the premium summary reads besides the risk model's (bigint, as viem decodes getDashboard). */
export interface LensForPremium extends LensForRisk {
  markets: readonly (LensForRisk['markets'][number] & { premiumRate: bigint; feeRate: bigint })[];
  premium: {
    utilisation: bigint;
    utilisationAt: bigint;
    multiplier: bigint;
    liveUtilisation: bigint;
    volatility: bigint;
    referenceVolatility: bigint;
    steward: string;
  };
}

export interface SampleForPremium extends SampleForRisk {
  premium?: { multiplier: string } | undefined;
}

export interface PremiumDayForSummary {
  timestamp: number;
  byTranche: readonly string[];
}

/** One tranche's price of protection: what the chain charges beside what the risk model calls fair. */
export interface TranchePremiumSummary {
  id: number;
  /** The last 30 days' premiums repriced at today's multiplier, annualised on capital now; null without capital. */
  chargedNow: number | null;
  /** The last 30 days' premiums as they were paid, annualised on capital now. */
  chargedTrailing: number | null;
  /** The analytic model's fair APR; null when it could not be computed. */
  fair: number | null;
  /** chargedNow − fair, in APR points; null when either is missing. */
  gap: number | null;
}

/** The curve in force, for every tranche alike. */
export interface CurveNow {
  /** Utilisation closes are priced at, and when it was measured (unix s). */
  utilisation: number;
  utilisationAt: number;
  /** Utilisation at this block (required ÷ capital now). */
  liveUtilisation: number;
  multiplier: number;
  volatility: number;
  referenceVolatility: number;
  /** Each market's base rate and the rate a close pays now, as fractions of notional. */
  markets: { name: string; baseRate: number; rate: number }[];
  hasSteward: boolean;
}

export const CHARGED_WINDOW_SECONDS = 30 * 86_400;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

const wad = (x: bigint) => Number(x) / 1e18;

export function curveNow(lens: LensForPremium): CurveNow {
  const p = lens.premium;
  return {
    utilisation: wad(p.utilisation),
    utilisationAt: Number(p.utilisationAt),
    liveUtilisation: wad(p.liveUtilisation),
    multiplier: wad(p.multiplier),
    volatility: wad(p.volatility),
    referenceVolatility: wad(p.referenceVolatility),
    markets: lens.markets.map((m) => ({ name: m.name, baseRate: wad(m.feeRate), rate: wad(m.premiumRate) })),
    hasSteward: p.steward.toLowerCase() !== ZERO_ADDRESS,
  };
}

/** Charged beside fair for every tranche, from the lens, the indexed samples and the indexed daily premiums. */
export function tranchePremiumSummaries(
  lens: LensForPremium,
  samples: readonly SampleForPremium[] | null,
  premiumDays: readonly PremiumDayForSummary[] | null,
): TranchePremiumSummary[] {
  const tranches = [...lens.tranches].sort((a, b) => a.id - b.id);
  const now = Number(lens.timestamp);
  const charged = premiumDays
    ? chargedAprs({
        flows: premiumDays.map((d) => ({ timestamp: d.timestamp, byTranche: d.byTranche.map((x) => BigInt(x)) })),
        capital: tranches.map((t) => t.totalAssets),
        multipliers: (samples ?? []).flatMap((s) =>
          s.premium ? [{ timestamp: s.timestamp, multiplier: BigInt(s.premium.multiplier) }] : [],
        ),
        multiplierNow: lens.premium.multiplier,
        now,
        windowSeconds: CHARGED_WINDOW_SECONDS,
      })
    : null;
  let fair: number[] | null = null;
  try {
    fair = fairAprs(lens, samples);
  } catch {
    fair = null;
  }
  return tranches.map((t, i) => {
    const chargedNow = charged?.[i]?.now ?? null;
    const fairApr = fair?.[i] ?? null;
    return {
      id: t.id,
      chargedNow,
      chargedTrailing: charged?.[i]?.trailing ?? null,
      fair: fairApr,
      gap: chargedNow !== null && fairApr !== null ? chargedNow - fairApr : null,
    };
  });
}
