import type { LossRecord } from './experience';
import { toFloat } from './fromChain';

/** The chain's loss record as bigint views (amounts in the asset's smallest unit, indexed by tranche id). */
export interface ChainLossRecord {
  /** First indexed sample (unix s), null when nothing is indexed yet. */
  from: number | null;
  /** Now: the lens block's time (unix s). */
  to: number;
  losses: readonly { timestamp: number; paid: readonly bigint[]; capitalBefore: readonly bigint[] }[];
}

/** The model's year (defaults.ts daysPerYear: crypto trades every day). */
const SECONDS_PER_YEAR = 365 * 86_400;

/** Floats in asset units and the window in years; an unknown start gives a window of 0 (the record, no more). */
export function lossRecordFromChain(view: ChainLossRecord, assetDecimals: number): LossRecord {
  const seconds = view.from === null ? 0 : view.to - view.from;
  return {
    years: Number.isFinite(seconds) && seconds > 0 ? seconds / SECONDS_PER_YEAR : 0,
    losses: view.losses.map((l) => ({
      timestamp: l.timestamp,
      paid: l.paid.map((x) => toFloat(x, assetDecimals)),
      capitalBefore: l.capitalBefore.map((x) => toFloat(x, assetDecimals)),
    })),
  };
}
