import { describe, expect, it } from 'vitest';
import { formatAmount } from './amount';

describe('formatAmount', () => {
  it('groups thousands and keeps two decimals by default', () => {
    expect(formatAmount(1_234_567_890_000n, 6)).toBe('1,234,567.89');
  });

  it('appends the unit', () => {
    expect(formatAmount(1_234_567_890_000n, 6, { unit: 'tUSD' })).toBe('1,234,567.89 tUSD');
  });

  it('pads the fraction with zeros', () => {
    expect(formatAmount(5_000_000n, 6)).toBe('5.00');
    expect(formatAmount(0n, 6, { fractionDigits: 4 })).toBe('0.0000');
  });

  it('rounds half away from zero', () => {
    expect(formatAmount(1_005_000n, 6)).toBe('1.01');
    expect(formatAmount(1_004_999n, 6)).toBe('1.00');
    expect(formatAmount(-1_005_000n, 6)).toBe('-1.01');
    expect(formatAmount(999_995n, 6)).toBe('1.00');
  });

  it('carries rounding into the integer part and its grouping', () => {
    expect(formatAmount(999_999_999_500n, 6, { fractionDigits: 0 })).toBe('1,000,000');
  });

  it('shows more digits than the token has by padding', () => {
    expect(formatAmount(15n, 1, { fractionDigits: 3 })).toBe('1.500');
  });

  it('handles 18-decimal values beyond float precision exactly', () => {
    expect(formatAmount(123_456_789_012_345_678_901_234_567n, 18, { fractionDigits: 6 })).toBe('123,456,789.012346');
  });

  it('formats negative values with the sign before the grouping', () => {
    expect(formatAmount(-1_234_567_000_000n, 6, { unit: 'tUSD' })).toBe('-1,234,567.00 tUSD');
  });

  it('formats a share price with four decimals', () => {
    expect(formatAmount(1_012_345n, 6, { fractionDigits: 4, unit: 'tUSD / share' })).toBe('1.0123 tUSD / share');
  });

  it('rejects nonsense digit counts', () => {
    expect(() => formatAmount(1n, -1)).toThrow(RangeError);
    expect(() => formatAmount(1n, 6, { fractionDigits: 1.5 })).toThrow(/fractionDigits/);
  });
});
