import { describe, expect, it } from 'vitest';
import { formatFrequency, formatMove, formatP, formatProbability } from './backtest';

describe('backtest formatting', () => {
  it('says how often in a year, or once in how many years', () => {
    expect(formatFrequency(43.2)).toBe('about 43 times a year');
    expect(formatFrequency(1.2)).toBe('about 1.2 times a year');
    expect(formatFrequency(1.04)).toBe('about 1 time a year');
    expect(formatFrequency(1 / 1_234)).toBe('once in 1,200 years');
    expect(formatFrequency(1 / 3.4e6)).toBe('once in 3.4 million years');
    expect(formatFrequency(0)).toBe('never');
  });

  it('writes p-values, probabilities and moves', () => {
    expect(formatP(0.04321)).toBe('0.043');
    expect(formatP(0.0000123)).toBe('1.2e-5');
    expect(formatProbability(0.0123)).toBe('1.2 %');
    expect(formatProbability(1.5e-7)).toBe('1.5e-5 %');
    expect(formatMove(-0.2104)).toBe('−21.0 %');
    expect(formatMove(0.032)).toBe('+3.2 %');
  });
});
