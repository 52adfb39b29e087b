import { describe, expect, it } from 'vitest';
import { formatSmallPercent } from './smallPercent';

describe('formatSmallPercent', () => {
  it('reads "0 %" only for an exact zero', () => {
    expect(formatSmallPercent(0)).toBe('0 %');
    expect(formatSmallPercent(-0)).toBe('0 %');
    expect(formatSmallPercent(1e-300)).not.toBe('0 %');
  });

  it('shows a true positive below 0.0001 % as "< 0.0001 %"', () => {
    expect(formatSmallPercent(9.9e-7)).toBe('< 0.0001 %');
    expect(formatSmallPercent(Number.MIN_VALUE)).toBe('< 0.0001 %');
    expect(formatSmallPercent(-5e-9)).toBe('> −0.0001 %');
  });

  it('keeps two significant digits under 1 %', () => {
    expect(formatSmallPercent(0.000042)).toBe('0.0042 %');
    expect(formatSmallPercent(0.0000091)).toBe('0.00091 %');
    expect(formatSmallPercent(1e-6)).toBe('0.00010 %');
    expect(formatSmallPercent(0.0009158)).toBe('0.092 %');
    expect(formatSmallPercent(-0.0042)).toBe('−0.42 %');
  });

  it('shows two decimals from 1 % up, grouped', () => {
    expect(formatSmallPercent(0.0733)).toBe('7.33 %');
    expect(formatSmallPercent(1)).toBe('100.00 %');
    expect(formatSmallPercent(123.4567)).toBe('12,345.67 %');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatSmallPercent(Number.NaN)).toBe('—');
    expect(formatSmallPercent(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
