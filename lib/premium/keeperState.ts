import type { KeeperState } from './stewardDecision';

/** The lens fields the keeper's decision reads (bigint, as viem decodes getDashboard). */
export interface LensForKeeper {
  timestamp: bigint;
  tranches: readonly { id: number; totalAssets: bigint; riskMultiplier: bigint }[];
  premium: {
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
export function keeperStateFrom(
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
