/** What the steward lets the keeper do now (RiskSteward.sol), as the lens reports it. */
export interface StewardLimits {
  /** Largest step, as a wad fraction of the value in force. */
  maxStep: bigint;
  /** Per parameter (0–2 the tranches' risk multipliers, 3 the premium volatility), wads. */
  min: readonly bigint[];
  max: readonly bigint[];
  /** Per parameter, unix seconds; 0 when never. */
  lastUpdateAt: readonly bigint[];
  minInterval: bigint;
  paused: boolean;
}

export interface KeeperState {
  /** Fair APR per tranche from the risk model, as fractions. */
  fairApr: readonly number[];
  /** Charged APR now per tranche (chargedApr.ts `now`), as fractions; null for an empty tranche. */
  chargedApr: readonly (number | null)[];
  /** Capital per tranche, in asset units. */
  capital: readonly bigint[];
  /** Risk multiplier per tranche in force, wads. */
  riskMultipliers: readonly bigint[];
  /** Premium volatility in force, wad. */
  volatility: bigint;
  limits: StewardLimits;
  now: number;
}

export const PREMIUM_VOLATILITY_PARAM = 3;

export interface StewardUpdate {
  param: number;
  from: bigint;
  to: bigint;
  /** The sentence the keeper logs for it. */
  reason: string;
}

export interface KeeperDecision {
  updates: StewardUpdate[];
  /** Why each parameter was left alone, for the log. */
  held: string[];
  /** Σ charged ÷ Σ fair premium, capital-weighted (1 = fairly priced in total), or null when unknown. */
  totalRatio: number | null;
}

const WAD = 10n ** 18n;
const NAMES = ['Junior multiplier', 'Mezzanine multiplier', 'Senior multiplier', 'premium volatility'];

/**
 * What the keeper asks the steward for, to bring charged premiums toward fair ones, one step at a time:
 * - the premium volatility scales every premium, so it moves by the ratio of the fair to the charged premium in
 *   total (capital-weighted) when they differ by more than `threshold`;
 * - the risk multipliers split the premium between tranches by capital × multiplier, so a tranche charged more than
 *   `threshold` away from its fair APR has its multiplier moved toward the one that would split the premium in
 *   proportion to the fair premiums (keeping the capital-weighted average multiplier).
 * Each move is clipped to one step of the value in force and to governance's range, and skipped while the steward
 * is paused or the parameter's interval has not passed. Pure: the numbers in, the requests out.
 */
export function decideStewardUpdates(state: KeeperState, threshold: number): KeeperDecision {
  const updates: StewardUpdate[] = [];
  const held: string[] = [];
  const { limits } = state;
  if (limits.paused) return { updates, held: ['the steward is paused by governance'], totalRatio: null };

  const capital = state.capital.map((c) => Number(c));
  let fairTotal = 0;
  let chargedTotal = 0;
  let pricedCapital = 0;
  for (let i = 0; i < capital.length; i++) {
    const charged = state.chargedApr[i];
    const fair = state.fairApr[i];
    if (charged === null || charged === undefined || fair === undefined || !(capital[i]! > 0)) continue;
    fairTotal += fair * capital[i]!;
    chargedTotal += charged * capital[i]!;
    pricedCapital += capital[i]!;
  }
  // A model that sees no risk at all (fair 0) while premiums are charged: as over-priced as it gets.
  const totalRatio = chargedTotal > 0 ? (fairTotal > 0 ? chargedTotal / fairTotal : Number.POSITIVE_INFINITY) : null;

  const propose = (param: number, from: bigint, target: number, why: string) => {
    const name = NAMES[param] ?? `parameter ${param}`;
    const next = BigInt(limits.lastUpdateAt[param] ?? 0n) + limits.minInterval;
    if ((limits.lastUpdateAt[param] ?? 0n) > 0n && BigInt(state.now) < next) {
      held.push(`${name}: ${why}, but the steward moved it less than its interval ago (next at ${isoTime(next)})`);
      return;
    }
    const step = (from * limits.maxStep) / WAD;
    const wanted = toWad(target);
    let to = wanted > from + step ? from + step : wanted < from - step ? from - step : wanted;
    const lo = limits.min[param] ?? 0n;
    const hi = limits.max[param] ?? 0n;
    to = to < lo ? lo : to > hi ? hi : to;
    if (to === from) {
      held.push(`${name}: ${why}, but it is already at governance's bound`);
      return;
    }
    // The clip to governance's range can leave a move larger than one step when the value in force sits outside
    // it (governance set it there): the steward would refuse that, so the keeper does not ask.
    if ((to > from ? to - from : from - to) > step) {
      held.push(`${name}: ${why}, but governance's range is more than one step away`);
      return;
    }
    updates.push({ param, from, to, reason: why });
  };

  if (totalRatio === null) {
    held.push('premium volatility: no charged or fair premium to compare yet');
  } else if (Math.abs(totalRatio - 1) > threshold) {
    const target = fromWad(state.volatility) / totalRatio;
    propose(
      PREMIUM_VOLATILITY_PARAM,
      state.volatility,
      target,
      `charged ${pct(chargedTotal / pricedCapital)} vs fair ${pct(fairTotal / pricedCapital)} APR across the tranches (×${totalRatio.toFixed(2)})`,
    );
  } else {
    held.push(
      `premium volatility: charged is within ${threshold * 100} % of fair in total (×${totalRatio.toFixed(2)})`,
    );
  }

  // The multiplier that splits in proportion to fair premiums, scaled to keep Σ capital × multiplier.
  const weighted = capital.reduce((sum, c, i) => sum + c * fromWad(state.riskMultipliers[i] ?? 0n), 0);
  if (fairTotal > 0 && weighted > 0) {
    const scale = weighted / fairTotal;
    for (let i = 0; i < capital.length; i++) {
      const charged = state.chargedApr[i];
      const fair = state.fairApr[i];
      const name = NAMES[i] ?? `tranche ${i}`;
      if (charged === null || charged === undefined || fair === undefined) {
        held.push(`${name}: the tranche is empty`);
        continue;
      }
      const gap = fair > 0 ? charged / fair - 1 : Number.POSITIVE_INFINITY;
      if (Math.abs(gap) <= threshold) {
        held.push(`${name}: charged ${pct(charged)} is within ${threshold * 100} % of fair ${pct(fair)}`);
        continue;
      }
      propose(i, state.riskMultipliers[i] ?? 0n, fair * scale, `charged ${pct(charged)} vs fair ${pct(fair)} APR`);
    }
  }
  return { updates, held, totalRatio };
}

function isoTime(unixSeconds: bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString().replace('.000Z', 'Z');
}

function toWad(x: number): bigint {
  if (!Number.isFinite(x) || x <= 0) return 0n;
  return BigInt(Math.round(x * 1e9)) * 10n ** 9n;
}

function fromWad(x: bigint): number {
  return Number(x) / 1e18;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}
