import { chargedAprs, type ChargedApr, type MultiplierPoint, type TranchePremiumFlow } from './chargedApr';
import { fairAprs } from './fairAprs';
import { decideStewardUpdates, type KeeperDecision, type KeeperState } from './stewardDecision';
import type { LensForRisk, SampleForRisk } from '../risk/worker/inputsPayload';

/** The lens fields the keeper's decision reads (bigint, as viem decodes getDashboard). */
export interface LensForKeeper {
  timestamp: bigint;
  tranches: readonly { id: number; totalAssets: bigint; riskMultiplier: bigint }[];
  premium: {
    multiplier: bigint;
    volatility: bigint;
    maxStep: bigint;
    minInterval: bigint;
    stewardMin: readonly bigint[];
    stewardMax: readonly bigint[];
    stewardLastUpdateAt: readonly bigint[];
    stewardPaused: boolean;
  };
}

/** What decideStewardUpdates needs, from one lens read and the fair and charged APRs by tranche id. */
function keeperStateFrom(
  lens: LensForKeeper,
  fairApr: readonly number[],
  chargedApr: readonly (number | null)[],
): KeeperState {
  const tranches = [...lens.tranches].sort((a, b) => a.id - b.id);
  const p = lens.premium;
  return {
    fairApr,
    chargedApr,
    capital: tranches.map((t) => t.totalAssets),
    riskMultipliers: tranches.map((t) => t.riskMultiplier),
    volatility: p.volatility,
    limits: {
      maxStep: p.maxStep,
      min: p.stewardMin,
      max: p.stewardMax,
      lastUpdateAt: p.stewardLastUpdateAt,
      minInterval: p.minInterval,
      paused: p.stewardPaused,
    },
    now: Number(lens.timestamp),
  };
}

/** The window of premiums the charged APR is measured over, as on the pages. */
export const KEEPER_WINDOW_SECONDS = 30 * 86_400;

export interface KeeperRoundInput {
  lens: LensForRisk & LensForKeeper;
  /** Oracle prices of the 30 days before the lens's block (indexed samples, or the oracles' logs). */
  priceSamples: readonly SampleForRisk[];
  flows: readonly TranchePremiumFlow[];
  multipliers: readonly MultiplierPoint[];
  threshold: number;
}

/**
 * One round of the risk keeper on whatever history it has (the live keeper reads the indexer, the seed the chain's
 * logs): the model's fair APR, the chain's charged APR, and the steps to ask the steward for.
 */
export function keeperRound(input: KeeperRoundInput): {
  fairApr: number[];
  charged: ChargedApr[];
  decision: KeeperDecision;
} {
  const { lens } = input;
  const fairApr = fairAprs(lens, input.priceSamples);
  const charged = chargedAprs({
    flows: input.flows,
    capital: [...lens.tranches].sort((a, b) => a.id - b.id).map((t) => t.totalAssets),
    multipliers: input.multipliers,
    multiplierNow: lens.premium.multiplier,
    now: Number(lens.timestamp),
    windowSeconds: KEEPER_WINDOW_SECONDS,
  });
  const state = keeperStateFrom(
    lens,
    fairApr,
    charged.map((c) => c.now),
  );
  return { fairApr, charged, decision: decideStewardUpdates(state, input.threshold) };
}
