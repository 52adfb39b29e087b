import { describe, expect, it } from 'vitest';
import { analyticQuote } from './analytic';
import { NO_STRESS } from './defaults';
import { positionRisk, shareOfTranche } from './positionRisk';
import { TEST_TRANCHES, testInputs, testMarket } from './testInputs';

describe('shareOfTranche', () => {
  it("reads the holder's fraction from the chain's integers", () => {
    expect(shareOfTranche(250n, 1_000n)).toBe(0.25);
    expect(shareOfTranche(1_000n, 1_000n)).toBe(1);
    // 18-decimal shares far beyond 2⁵³ keep their ratio.
    expect(shareOfTranche(1n * 10n ** 24n, 3n * 10n ** 24n)).toBeCloseTo(1 / 3, 15);
  });

  it('is 0 for an empty tranche or no shares, and refuses impossible holdings', () => {
    expect(shareOfTranche(0n, 0n)).toBe(0);
    expect(shareOfTranche(0n, 5n)).toBe(0);
    expect(() => shareOfTranche(6n, 5n)).toThrow(/exceed the supply/);
    expect(() => shareOfTranche(-1n, 5n)).toThrow(RangeError);
  });
});

describe('positionRisk', () => {
  const stressed = analyticQuote(testInputs([testMarket('ETH'), testMarket('BTC')], TEST_TRANCHES), {
    ...NO_STRESS,
    volatilityMultiplier: 3,
  });

  it("scales the tranche's expected loss, VaR and ES by the holder's share", () => {
    for (const quote of stressed.tranches) {
      const mine = positionRisk(quote, 0.2);
      expect(mine.expectedLoss).toBeCloseTo(quote.expectedLoss * 0.2, 9);
      expect(mine.tails.map((t) => t.level)).toEqual(quote.tails.map((t) => t.level));
      mine.tails.forEach((t, i) => {
        expect(t.valueAtRisk).toBeCloseTo((quote.tails[i]?.valueAtRisk ?? Number.NaN) * 0.2, 9);
        expect(t.expectedShortfall).toBeCloseTo((quote.tails[i]?.expectedShortfall ?? Number.NaN) * 0.2, 9);
      });
    }
    // Under this stress Junior is hit in the tail, so the figures are not trivially zero.
    expect(positionRisk(stressed.tranches[0]!, 0.2).tails.at(-1)?.expectedShortfall).toBeGreaterThan(0);
  });

  it('costs the whole tranche loss to a sole holder and nothing to a holder of nothing', () => {
    const junior = stressed.tranches[0]!;
    expect(positionRisk(junior, 1).tails).toEqual(junior.tails);
    expect(positionRisk(junior, 0).tails.every((t) => t.valueAtRisk === 0 && t.expectedShortfall === 0)).toBe(true);
    expect(() => positionRisk(junior, 1.01)).toThrow(RangeError);
    expect(() => positionRisk(junior, Number.NaN)).toThrow(RangeError);
  });
});
