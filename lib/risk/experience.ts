import type { ModelParams, TrancheQuote } from './types';

/**
 * Experience rating: the model's per-tranche quote blended with the losses the chain actually recorded
 * (docs/risk-model.md, "The chain's own record"). Gamma–Poisson / Bühlmann credibility with the model as the prior,
 * worth PRIOR_WEIGHT_YEARS of observation:
 *   loss-event rate  r̂ = (r·W + k) / (W + T),  r = −ln(1 − P(loss per horizon))·H,
 *   EL rate          ê = (e·W + s) / (W + T),  e = the model's expected-loss APR,
 * with k the loss events (horizons with a loss) that reached the tranche in the indexed window of T years and s the
 * sum of what each took as a fraction of the tranche's capital just before it. A tranche that has paid for a loss never reads zero.
 */

/** How many years of observation the model's own figures are worth: one year of an empty record halves them. */
export const PRIOR_WEIGHT_YEARS = 1;

/** One recorded loss: per tranche id, what the tranche paid and its capital just before (asset units). */
export interface RecordedLoss {
  timestamp: number;
  paid: readonly number[];
  capitalBefore: readonly number[];
}

/** The chain's loss record over the indexed window. */
export interface LossRecord {
  /** Length of the indexed window (first indexed sample to now), years. */
  years: number;
  losses: readonly RecordedLoss[];
}

/** What the record says about one tranche. */
export interface ObservedLosses {
  /** Loss events that reached the tranche (it paid something). */
  events: number;
  /** Σ paid ÷ capital just before, each term capped at 1 (a tranche cannot lose more than it holds). */
  lossFractionSum: number;
  /** The largest single loss as a fraction of the capital just before it. */
  worstLossFraction: number;
}

/** The figures experience rating replaces, as the model alone gives them. */
export interface ModelFigures {
  probabilityOfLoss: number;
  expectedLoss: number;
  expectedLossApr: number;
  capitalChargeApr: number;
  fairPremiumApr: number;
}

export interface Experience {
  observed: ObservedLosses;
  years: number;
  /** T / (W + T): how much the record weighs against the model. */
  credibility: number;
}

/** A quote whose figures are the blended ones, with the model's own beside them; experience null = no record. */
export type RatedQuote<Q extends TrancheQuote = TrancheQuote> = Q & {
  model: ModelFigures;
  experience: Experience | null;
};

export interface RatingParams {
  /** Liquidation horizons per year (daysPerYear / horizonDays). */
  horizonsPerYear: number;
  /** One liquidation horizon in seconds: losses this close together are one event. */
  horizonSeconds: number;
  costOfCapital: number;
  priorWeightYears?: number;
}

/** The rating's constants from the model's parameters (so a changed horizon changes both alike). */
export function ratingParams(params: ModelParams): RatingParams {
  return {
    horizonsPerYear: params.daysPerYear / params.horizonDays,
    horizonSeconds: params.horizonDays * 86_400,
    costOfCapital: params.costOfCapital,
  };
}

/**
 * The record for one tranche, counted as the model counts: by liquidation horizon. Losses that reach the tranche
 * within one horizon of the first of them are one event (the model's P(loss) is per horizon, and one crash
 * liquidates several books a block apart); the event's loss is the compounded 1 − Π(1 − paidᵢ ÷ capital beforeᵢ),
 * the share of the capital at the event's start that it took, so never above 1. Malformed entries (non-finite or
 * non-positive payments) are skipped.
 */
export function observedLosses(record: LossRecord, trancheId: number, horizonSeconds: number): ObservedLosses {
  const hits = record.losses
    .flatMap((loss) => {
      const paid = loss.paid[trancheId];
      if (paid === undefined || !Number.isFinite(paid) || paid <= 0) return [];
      const capital = loss.capitalBefore[trancheId];
      // Paying all it held, or anything while it held nothing or an unreadable amount, is a wipe-out.
      const fraction = capital !== undefined && Number.isFinite(capital) && capital > paid ? paid / capital : 1;
      return [{ timestamp: Number.isFinite(loss.timestamp) ? loss.timestamp : 0, fraction }];
    })
    .sort((a, b) => a.timestamp - b.timestamp);
  const window = Number.isFinite(horizonSeconds) && horizonSeconds > 0 ? horizonSeconds : 0;
  const eventFractions: number[] = [];
  let open: { start: number; kept: number } | null = null;
  for (const hit of hits) {
    if (open && hit.timestamp - open.start < window) {
      open.kept *= 1 - hit.fraction;
      continue;
    }
    if (open) eventFractions.push(1 - open.kept);
    open = { start: hit.timestamp, kept: 1 - hit.fraction };
  }
  if (open) eventFractions.push(1 - open.kept);
  return {
    events: eventFractions.length,
    lossFractionSum: eventFractions.reduce((sum, f) => sum + f, 0),
    worstLossFraction: Math.max(0, ...eventFractions),
  };
}

function modelFigures(quote: TrancheQuote): ModelFigures {
  return {
    probabilityOfLoss: quote.probabilityOfLoss,
    expectedLoss: quote.expectedLoss,
    expectedLossApr: quote.expectedLossApr,
    capitalChargeApr: quote.capitalChargeApr,
    fairPremiumApr: quote.fairPremiumApr,
  };
}

/** One tranche's quote rated on its record; the quote's other fields (attachment, tail loss, …) are the model's. */
export function rateQuote<Q extends TrancheQuote>(
  quote: Q,
  observed: ObservedLosses,
  years: number,
  params: RatingParams,
): RatedQuote<Q> {
  const { horizonsPerYear: h, costOfCapital } = params;
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`horizonsPerYear must be positive, got ${h}`);
  const w = params.priorWeightYears ?? PRIOR_WEIGHT_YEARS;
  if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`the prior weight must be positive, got ${w}`);
  const t = Number.isFinite(years) && years > 0 ? years : 0;
  const k = Number.isFinite(observed.events) && observed.events > 0 ? observed.events : 0;
  const s = Number.isFinite(observed.lossFractionSum) && observed.lossFractionSum > 0 ? observed.lossFractionSum : 0;
  const worst = Math.min(1, Math.max(0, observed.worstLossFraction || 0));

  const p = Math.min(1, Math.max(0, quote.probabilityOfLoss));
  // P = 1 per horizon is an infinite event rate; the blend then stays at P = 1.
  const modelRate = -Math.log1p(-p) * h;
  const rate = (modelRate * w + k) / (w + t);
  const probabilityOfLoss = Number.isNaN(quote.probabilityOfLoss) ? Number.NaN : -Math.expm1(-rate / h);
  const expectedLossApr = (quote.expectedLossApr * w + s) / (w + t);
  // The model's one-horizon UL charge, unless a loss already seen took more of the capital than that tail.
  const capitalChargeApr = Math.max(quote.capitalChargeApr, costOfCapital * worst);
  const expectedLossRate = expectedLossApr / h;
  return {
    ...quote,
    probabilityOfLoss,
    expectedLossRate,
    expectedLoss: quote.capital > 0 ? expectedLossRate * quote.capital : quote.expectedLoss,
    expectedLossApr,
    capitalChargeApr,
    fairPremiumApr: expectedLossApr + capitalChargeApr,
    model: modelFigures(quote),
    experience: {
      observed: { events: k, lossFractionSum: s, worstLossFraction: worst },
      years: t,
      credibility: t / (w + t),
    },
  };
}

/**
 * Every tranche's quote rated on the record. Without a record (the indexer's losses could not be read) the model's
 * figures are returned as they are, marked `experience: null`: an unknown record is not an empty one.
 */
export function rateQuotes<Q extends TrancheQuote>(
  quotes: readonly Q[],
  record: LossRecord | null,
  params: RatingParams,
): RatedQuote<Q>[] {
  if (!record) return quotes.map((q) => ({ ...q, model: modelFigures(q), experience: null }));
  return quotes.map((q) => rateQuote(q, observedLosses(record, q.id, params.horizonSeconds), record.years, params));
}
