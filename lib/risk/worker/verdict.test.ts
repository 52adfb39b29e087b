import { describe, expect, it } from 'vitest';
import { premiumVerdict, ratedPremiumVerdict } from './verdict';

describe('premiumVerdict', () => {
  it('calls a realised APR within ±25 % of fair "about fair"', () => {
    expect(premiumVerdict(0.1, 0.1)).toBe('about fair');
    expect(premiumVerdict(0.124, 0.1)).toBe('about fair');
    expect(premiumVerdict(0.076, 0.1)).toBe('about fair');
  });
  it('calls higher over-paid and lower under-paid', () => {
    expect(premiumVerdict(0.13, 0.1)).toBe('over-paid for the risk');
    expect(premiumVerdict(0.07, 0.1)).toBe('under-paid for the risk');
  });
  it('treats differences under 0.1 percentage point as about fair', () => {
    expect(premiumVerdict(0.0005, 0)).toBe('about fair');
    expect(premiumVerdict(0.002, 0)).toBe('over-paid for the risk');
  });
  it('handles an infinite fair APR', () => {
    expect(premiumVerdict(0.5, Number.POSITIVE_INFINITY)).toBe('under-paid for the risk');
  });
});

describe('ratedPremiumVerdict', () => {
  const experience = {
    years: 0.25,
    credibility: 0.2,
    observed: { events: 1, lossFractionSum: 0.09, worstLossFraction: 0.09 },
  };
  it('judges the realised APR against the fair APR rated on the record', () => {
    // The model alone says 0 %: 5 % realised would be "over-paid"; with the record's 8 % it is under-paid.
    const rated = ratedPremiumVerdict(0.05, { fairPremiumApr: 0.08, model: { fairPremiumApr: 0 }, experience });
    expect(rated).toEqual({ verdict: 'under-paid for the risk', fairApr: 0.08, basis: 'with the chain’s record' });
  });
  it("falls back to the model's figure when there is no record", () => {
    const rated = ratedPremiumVerdict(0.05, { fairPremiumApr: 0.05, model: { fairPremiumApr: 0 }, experience: null });
    expect(rated).toEqual({ verdict: 'over-paid for the risk', fairApr: 0, basis: 'model only' });
  });
});
