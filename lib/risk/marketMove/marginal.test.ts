import { describe, expect, it } from 'vitest';
import { normalCdf, normalInv } from '../normal';
import { studentTInv } from '../studentT';
import {
  adverseTail,
  lookupReturn,
  MARGINAL_POINTS,
  MARGINAL_SCORES,
  marginalOf,
  returnTable,
  type MoveMarginal,
} from './marginal';
import { MarketMoveModel } from './model';
import { syntheticCloses } from './testSeries';

/** The marginal of a Gaussian log move with σ: the adverse log move at tail probability Φ(s) is −σs on each side. */
function gaussianMarginal(sigma: number): MoveMarginal {
  const logs = Float64Array.from(MARGINAL_SCORES, (s) => -sigma * s);
  return { fallLog: logs, riseLog: Float64Array.from(logs) };
}

describe('adverseTail', () => {
  const sigma = 0.03;
  const marginal = gaussianMarginal(sigma);

  it('gives P(fall > b) of a Gaussian log move: Φ(ln(1 − b)/σ)', () => {
    for (const b of [0, 0.01, 0.05, 0.1, 0.15]) {
      const { pd } = adverseTail(marginal, true, 1, b);
      expect(pd).toBeCloseTo(normalCdf(Math.log(1 - b) / sigma), 5);
    }
  });

  it('gives E[(fall − b)⁺] within 0.5 % of a fine numerical integral', () => {
    for (const b of [0.02, 0.06, 0.1]) {
      let integral = 0;
      const steps = 200_000;
      for (let i = 0; i < steps; i++) {
        const z = -9 + ((i + 0.5) * 18) / steps;
        const fall = -Math.expm1(sigma * z);
        if (fall > b) integral += ((fall - b) * Math.exp(-0.5 * z * z) * (18 / steps)) / Math.sqrt(2 * Math.PI);
      }
      const { partialExpectation } = adverseTail(marginal, true, 1, b);
      expect(Math.abs(partialExpectation / integral - 1)).toBeLessThan(0.005);
    }
  });

  it('reads the other side past the median: a zero buffer is crossed with probability ½', () => {
    expect(adverseTail(marginal, false, 1, 0).pd).toBeCloseTo(0.5, 9);
  });

  it('scales the log moves by the volatility multiplier and vanishes at zero', () => {
    const doubled = adverseTail(gaussianMarginal(2 * sigma), true, 1, 0.05);
    const stressed = adverseTail(marginal, true, 2, 0.05);
    expect(stressed.pd).toBeCloseTo(doubled.pd, 12);
    expect(adverseTail(marginal, true, 0, 0.05)).toEqual({ pd: 0, partialExpectation: 0 });
  });
});

describe('the Monte Carlo return table', () => {
  it('maps a Gaussian score to e^{σx} − 1 under a Gaussian copula', () => {
    const table = returnTable(gaussianMarginal(0.02), Infinity, 1);
    for (const x of [-5, -2.33, -1, 0.1, 1.5, 4]) expect(lookupReturn(table, x)).toBeCloseTo(Math.expm1(0.02 * x), 5);
  });

  it('maps a unit-variance t₄ score through its own distribution to the marginal', () => {
    const table = returnTable(gaussianMarginal(0.02), 4, 1);
    const scale = Math.sqrt(2 / 4);
    for (const p of [0.001, 0.01, 0.2, 0.9, 0.999]) {
      const x = studentTInv(p, 4) * scale;
      expect(lookupReturn(table, x)).toBeCloseTo(Math.expm1(0.02 * normalInv(p)), 4);
    }
  });

  it('is increasing in the score for a fitted marginal', () => {
    const model = MarketMoveModel.fromCloses(syntheticCloses(720), 'ETH');
    const table = returnTable(marginalOf(model, 6), 4, 1.5);
    for (let j = 1; j < table.length; j++) expect(table[j]!).toBeGreaterThanOrEqual(table[j - 1]!);
    expect(table[0]!).toBeGreaterThan(-1);
    expect(MARGINAL_POINTS).toBe(121);
  });
});
