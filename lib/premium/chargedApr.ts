/** Premiums paid to the tranches at one time, in asset units (TranchePremium events, or the indexer's day buckets). */
export interface TranchePremiumFlow {
  timestamp: number;
  byTranche: readonly bigint[];
}

/** The premium multiplier recorded at a time (Clearinghouse UtilisationMeasured events), as a wad. */
export interface MultiplierPoint {
  timestamp: number;
  multiplier: bigint;
}

export interface ChargedAprInput {
  /** Premium flows; those outside (now − windowSeconds, now] are ignored. */
  flows: readonly TranchePremiumFlow[];
  /** Each tranche's capital now, in asset units. */
  capital: readonly bigint[];
  /** Multiplier history in time order; the last one at or before the window's start carries into it. */
  multipliers: readonly MultiplierPoint[];
  /** The multiplier a trade pays now (the curve at the recorded utilisation, today's volatility), as a wad. */
  multiplierNow: bigint;
  now: number;
  windowSeconds: number;
}

export interface ChargedApr {
  /** What the window's premiums earned per year on today's capital, as a fraction; null without capital. */
  trailing: number | null;
  /** The same premium volume priced at today's multiplier: the rate the tranche is charging now. */
  now: number | null;
}

const YEAR_SECONDS = 365 * 86_400;
const WAD = 10n ** 18n;

/**
 * Charged APR of each tranche, from the chain: the last `windowSeconds` of premiums it received, annualised on its
 * capital now (`trailing`), and that volume repriced at the multiplier in force now over the window's time-weighted
 * average multiplier (`now`): the trading volume is the window's, the price is today's curve.
 */
export function chargedAprs(input: ChargedAprInput): ChargedApr[] {
  const start = input.now - input.windowSeconds;
  const sums = input.capital.map(() => 0n);
  for (const flow of input.flows) {
    if (flow.timestamp <= start || flow.timestamp > input.now) continue;
    flow.byTranche.forEach((amount, i) => {
      if (i < sums.length) sums[i] = (sums[i] ?? 0n) + amount;
    });
  }
  const average = averageMultiplier(input.multipliers, start, input.now, input.multiplierNow);
  const reprice = average > 0n ? Number((input.multiplierNow * WAD) / average) / 1e18 : 1;
  const perYear = YEAR_SECONDS / input.windowSeconds;
  return input.capital.map((capital, i) => {
    if (capital <= 0n) return { trailing: null, now: null };
    const trailing = (Number(((sums[i] ?? 0n) * WAD) / capital) / 1e18) * perYear;
    return { trailing, now: trailing * reprice };
  });
}

/** Time-weighted average of a step function over [from, to]; before its first point it is `fallback`. */
export function averageMultiplier(
  points: readonly MultiplierPoint[],
  from: number,
  to: number,
  fallback: bigint,
): bigint {
  if (to <= from) return fallback;
  let value = fallback;
  let firstInside = points.findIndex((p) => p.timestamp > from);
  if (firstInside === -1) firstInside = points.length;
  const before = points[firstInside - 1];
  if (before) value = before.multiplier;
  else if (points[firstInside]) value = points[firstInside]!.multiplier;
  let at = from;
  let area = 0n;
  for (let i = firstInside; i < points.length; i++) {
    const p = points[i]!;
    if (p.timestamp > to) break;
    area += value * BigInt(p.timestamp - at);
    value = p.multiplier;
    at = p.timestamp;
  }
  area += value * BigInt(to - at);
  return area / BigInt(to - from);
}
