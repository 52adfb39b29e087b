import { describe, expect, it } from 'vitest';
import { recordSummary } from './recordSummary';

describe('recordSummary', () => {
  it('names the losses that reached the tranche, the worst one and the weight of the record', () => {
    const text = recordSummary(
      { years: 0.25, credibility: 0.2, observed: { events: 2, lossFractionSum: 0.15, worstLossFraction: 0.09158 } },
      null,
    );
    expect(text).toBe(
      "Chain's record: 2 losses reached this tranche in 91 indexed days, the worst taking 9.16 % of its capital then; the record weighs 20.00 % against the model.",
    );
  });
  it('says when no loss reached it, and why a record is missing', () => {
    const none = { years: 1, credibility: 0.5, observed: { events: 0, lossFractionSum: 0, worstLossFraction: 0 } };
    expect(recordSummary(none, null)).toMatch(/^Chain's record: no loss reached this tranche in 365 indexed days;/);
    expect(recordSummary(null, 'indexer down')).toMatch(/unavailable \(indexer down\)/);
  });
});
