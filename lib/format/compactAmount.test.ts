import { describe, expect, it } from 'vitest';
import { compactAmount } from './compactAmount';

const usd = (v: bigint, opts = {}) => compactAmount(v, 6, { unit: 'tUSD', ...opts });

describe('compactAmount', () => {
  it('compacts millions to two decimals and keeps the unit on both texts', () => {
    expect(compactAmount(1_234_567_890_000n, 6)).toEqual({ text: '1.23M', full: '1,234,567.89', compacted: true });
    expect(usd(1_234_567_890_000n)).toEqual({ text: '1.23M tUSD', full: '1,234,567.89 tUSD', compacted: true });
  });

  it('writes values below the threshold in full', () => {
    expect(usd(99_999_990_000n)).toEqual({ text: '99,999.99 tUSD', full: '99,999.99 tUSD', compacted: false });
    expect(usd(1_500_000n)).toEqual({ text: '1.50 tUSD', full: '1.50 tUSD', compacted: false });
  });

  it('compacts from the threshold itself, which is a whole-unit amount', () => {
    expect(usd(100_000_000_000n).text).toBe('100.00K tUSD');
    expect(usd(5_000_000n, { threshold: 5n }).text).toBe('5.00 tUSD');
    expect(usd(5_000_000_000n, { threshold: 1_000n }).text).toBe('5.00K tUSD');
  });

  it('decides on the exact value, so a value that rounds up to the threshold stays in full', () => {
    expect(usd(99_999_999_999n)).toEqual({ text: '100,000.00 tUSD', full: '100,000.00 tUSD', compacted: false });
  });

  it('picks the suffix after rounding: 999,999.999 is 1.00M, not 1000.00K', () => {
    expect(usd(999_999_999_000n).text).toBe('1.00M tUSD');
    expect(usd(999_994_999_999n).text).toBe('999.99K tUSD');
    expect(usd(999_995_000_000n).text).toBe('1.00M tUSD');
  });

  it('rounds half away from zero at the compact digits', () => {
    expect(usd(1_234_999_999_999n).text).toBe('1.23M tUSD');
    expect(usd(1_235_000_000_000n).text).toBe('1.24M tUSD');
    expect(usd(-1_235_000_000_000n).text).toBe('-1.24M tUSD');
  });

  it('formats negatives with the sign in front and compacts on the magnitude', () => {
    expect(usd(-1_234_567_890_000n)).toEqual({ text: '-1.23M tUSD', full: '-1,234,567.89 tUSD', compacted: true });
    expect(usd(-50_000_000_000n).text).toBe('-50,000.00 tUSD');
  });

  it('writes zero in full', () => {
    expect(usd(0n)).toEqual({ text: '0.00 tUSD', full: '0.00 tUSD', compacted: false });
  });

  it('walks K, M, B, T and grows the T figure with grouping beyond', () => {
    expect(usd(123_456_000_000n).text).toBe('123.46K tUSD');
    expect(usd(7_890_000_000_000_000n).text).toBe('7.89B tUSD');
    expect(usd(2_500_000_000_000_000_000n).text).toBe('2.50T tUSD');
    expect(usd(1_234_000_000_000_000_000_000n).text).toBe('1,234.00T tUSD');
  });

  it('handles 18-decimal vote counts beyond float precision exactly', () => {
    const bsg = (v: bigint) => compactAmount(v, 18, { fractionDigits: 0, unit: 'BSG' });
    expect(bsg(120_000n * 10n ** 18n)).toEqual({ text: '120.00K BSG', full: '120,000 BSG', compacted: true });
    expect(bsg(20_000n * 10n ** 18n)).toEqual({ text: '20,000 BSG', full: '20,000 BSG', compacted: false });
    // 1,234,999.999999999999999999 BSG is 1,235,000 as a float, which would round up to 1.24M.
    expect(bsg(1_234_999_999_999_999_999_999_999n).text).toBe('1.23M BSG');
    expect(bsg(1_235_000_000_000_000_000_000_000n).text).toBe('1.24M BSG');
  });

  it('supports other compact precisions and tokens with few decimals', () => {
    expect(usd(1_234_567_890_000n, { compactDigits: 0 }).text).toBe('1M tUSD');
    expect(usd(1_234_567_890_000n, { compactDigits: 4 }).text).toBe('1.2346M tUSD');
    expect(compactAmount(250_000n, 0, { unit: 'pts' }).text).toBe('250.00K pts');
  });

  it('refuses a negative threshold and bad digit counts', () => {
    expect(() => usd(1n, { threshold: -1n })).toThrow(RangeError);
    expect(() => usd(1n, { compactDigits: 1.5 })).toThrow(RangeError);
  });
});
