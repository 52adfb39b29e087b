import { describe, expect, it } from 'vitest';
import { observedLosses, PRIOR_WEIGHT_YEARS, rateQuote, rateQuotes, type LossRecord } from './experience';
import type { TrancheQuote } from './types';

const H = 8760; // hourly horizons
const HOUR = 3_600;
const params = { horizonsPerYear: H, horizonSeconds: HOUR, costOfCapital: 0.1 };

function quote(id: number, overrides: Partial<TrancheQuote> = {}): TrancheQuote {
  return {
    id,
    name: `T${id}`,
    capital: 1_000_000,
    attachment: 0,
    detachment: 1_000_000,
    attachmentOfOpenInterest: 0,
    detachmentOfOpenInterest: 0.1,
    probabilityOfLoss: 0,
    probabilityOfWipeout: 0,
    expectedLoss: 0,
    expectedLossRate: 0,
    tailLoss: 0,
    unexpectedLoss: 0,
    expectedLossApr: 0,
    capitalChargeApr: 0,
    fairPremiumApr: 0,
    tails: [],
    ...overrides,
  };
}

/** Mezzanine (id 1) paid 91,580 of 1,000,000 once; Junior (id 0) was wiped out (paid all it had). */
const record: LossRecord = {
  years: 0.25,
  losses: [{ timestamp: 60 * 86_400, paid: [500_000, 91_580, 0], capitalBefore: [500_000, 1_000_000, 3_000_000] }],
};

describe('observedLosses', () => {
  it('counts the events that reached a tranche and what each took of its capital then', () => {
    expect(observedLosses(record, 1, HOUR)).toEqual({
      events: 1,
      lossFractionSum: 0.09158,
      worstLossFraction: 0.09158,
    });
    expect(observedLosses(record, 0, HOUR)).toEqual({ events: 1, lossFractionSum: 1, worstLossFraction: 1 });
    expect(observedLosses(record, 2, HOUR)).toEqual({ events: 0, lossFractionSum: 0, worstLossFraction: 0 });
  });

  it('counts the losses of one horizon as one event, compounded: a crash that liquidates book after book', () => {
    // The seeded day-60 crash: five losses a block apart take Junior from 507,881 to nothing.
    const t = 60 * 86_400;
    const junior = [2_443.7, 6_455.8, 252_024.1, 197_981.2, 48_975.8];
    let capital = 507_880.6;
    const crash: LossRecord = {
      years: 0.33,
      losses: junior.map((paid, i) => {
        const loss = { timestamp: t + i, paid: [paid], capitalBefore: [capital] };
        capital -= paid;
        return loss;
      }),
    };
    const one = observedLosses(crash, 0, HOUR);
    expect(one.events).toBe(1);
    expect(one.lossFractionSum).toBeCloseTo(1, 9);
    expect(one.worstLossFraction).toBeCloseTo(1, 9);
    // Two losses of 10 % each an hour or more apart are two events; within the hour one event of 19 %.
    const twice = (gap: number): LossRecord => ({
      years: 1,
      losses: [
        { timestamp: t + gap, paid: [90], capitalBefore: [900] },
        { timestamp: t, paid: [100], capitalBefore: [1_000] },
      ],
    });
    expect(observedLosses(twice(HOUR), 0, HOUR)).toEqual({
      events: 2,
      lossFractionSum: expect.closeTo(0.2, 12),
      worstLossFraction: expect.closeTo(0.1, 12),
    });
    const within = observedLosses(twice(HOUR - 1), 0, HOUR);
    expect(within.events).toBe(1);
    expect(within.lossFractionSum).toBeCloseTo(0.19, 12);
  });

  it('treats zero, negative or unreadable capital before a paid loss as a wipe-out and skips malformed payments', () => {
    const hostile: LossRecord = {
      years: 1,
      losses: [
        { timestamp: 1, paid: [10], capitalBefore: [0] },
        { timestamp: 2, paid: [10], capitalBefore: [-5] },
        { timestamp: 3, paid: [10], capitalBefore: [Number.NaN] },
        { timestamp: 4, paid: [Number.NaN], capitalBefore: [100] },
        { timestamp: 5, paid: [-10], capitalBefore: [100] },
        { timestamp: 6, paid: [], capitalBefore: [] },
      ],
    };
    expect(observedLosses(hostile, 0, 0)).toEqual({ events: 3, lossFractionSum: 3, worstLossFraction: 1 });
  });
});

describe('rateQuote', () => {
  it('never reads zero for a tranche that paid a loss, even when the model says zero', () => {
    const rated = rateQuote(quote(1), observedLosses(record, 1, HOUR), record.years, params);
    const rate = 1 / (PRIOR_WEIGHT_YEARS + 0.25);
    expect(rated.probabilityOfLoss).toBeCloseTo(1 - Math.exp(-rate / H), 15);
    expect(rated.probabilityOfLoss).toBeGreaterThan(0);
    expect(rated.expectedLossApr).toBeCloseTo(0.09158 / 1.25, 12);
    // The one loss seen took 9.158 % of the capital: the charge holds capital against that.
    expect(rated.capitalChargeApr).toBeCloseTo(0.1 * 0.09158, 12);
    expect(rated.fairPremiumApr).toBeCloseTo(0.09158 / 1.25 + 0.009158, 12);
    expect(rated.expectedLoss).toBeCloseTo((rated.expectedLossApr / H) * 1_000_000, 9);
    expect(rated.model.fairPremiumApr).toBe(0);
    expect(rated.experience?.credibility).toBeCloseTo(0.2, 12);
  });

  it('blends the model event rate and EL rate with the record, weighted by the prior years', () => {
    const p = 1e-4;
    const model = quote(0, {
      probabilityOfLoss: p,
      expectedLossApr: 0.02,
      capitalChargeApr: 0.05,
      fairPremiumApr: 0.07,
    });
    const observed = { events: 3, lossFractionSum: 0.3, worstLossFraction: 0.2 };
    const rated = rateQuote(model, observed, 2, params);
    const r = -Math.log(1 - p) * H;
    expect(rated.probabilityOfLoss).toBeCloseTo(1 - Math.exp(-((r * 1 + 3) / 3) / H), 15);
    expect(rated.expectedLossApr).toBeCloseTo((0.02 + 0.3) / 3, 12);
    expect(rated.capitalChargeApr).toBe(0.05); // the model's UL charge is already above 10 % × 0.2
    expect(rated.model).toMatchObject({ probabilityOfLoss: p, fairPremiumApr: 0.07 });
  });

  it('falls towards zero, as r·W/(W + T), when nothing is observed: an empty record is evidence', () => {
    const model = quote(2, { probabilityOfLoss: 1e-3, expectedLossApr: 0.04, capitalChargeApr: 0.01 });
    const none = { events: 0, lossFractionSum: 0, worstLossFraction: 0 };
    const atZero = rateQuote(model, none, 0, params);
    expect(atZero.probabilityOfLoss).toBeCloseTo(1e-3, 15);
    expect(atZero.expectedLossApr).toBeCloseTo(0.04, 15);
    const afterThree = rateQuote(model, none, 3, params);
    expect(afterThree.expectedLossApr).toBeCloseTo(0.01, 15);
    expect(afterThree.probabilityOfLoss).toBeLessThan(1e-3 / 3.9);
    expect(afterThree.capitalChargeApr).toBe(0.01);
  });

  it('keeps P(loss) = 1 at 1 and survives hostile windows and counts', () => {
    const certain = rateQuote(
      quote(0, { probabilityOfLoss: 1 }),
      { events: 0, lossFractionSum: 0, worstLossFraction: 0 },
      5,
      params,
    );
    expect(certain.probabilityOfLoss).toBe(1);
    for (const years of [Number.NaN, -1, Number.NEGATIVE_INFINITY]) {
      const rated = rateQuote(quote(1), { events: 1, lossFractionSum: 0.5, worstLossFraction: 0.5 }, years, params);
      expect(rated.experience?.years).toBe(0);
      expect(rated.expectedLossApr).toBe(0.5);
    }
    const huge = rateQuote(quote(1), { events: 1e300, lossFractionSum: 1e300, worstLossFraction: 7 }, 1, params);
    expect(huge.probabilityOfLoss).toBe(1);
    expect(huge.capitalChargeApr).toBe(0.1);
    expect(Number.isFinite(huge.fairPremiumApr)).toBe(true);
    expect(
      Number.isNaN(
        rateQuote(quote(0, { probabilityOfLoss: Number.NaN }), observedLosses(record, 0, HOUR), 1, params)
          .probabilityOfLoss,
      ),
    ).toBe(true);
    expect(() => rateQuote(quote(0), observedLosses(record, 0, HOUR), 1, { ...params, horizonsPerYear: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('rateQuotes', () => {
  it('rates each tranche on its own record, and leaves the model as is when there is no record', () => {
    const rated = rateQuotes([quote(0), quote(1), quote(2)], record, params);
    expect(rated.map((q) => q.fairPremiumApr > 0)).toEqual([true, true, false]);
    expect(rated[0]?.capitalChargeApr).toBeCloseTo(0.1, 15);
    const unknown = rateQuotes([quote(1, { fairPremiumApr: 0.03 })], null, params);
    expect(unknown[0]?.fairPremiumApr).toBe(0.03);
    expect(unknown[0]?.experience).toBeNull();
  });
});
