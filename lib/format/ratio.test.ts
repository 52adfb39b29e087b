import { maxUint256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { formatRatio, formatWadPercent } from './ratio';

const WAD = 10n ** 18n;

describe('formatWadPercent', () => {
  it('turns a wad into a percentage', () => {
    expect(formatWadPercent(WAD)).toBe('100.00 %');
    expect(formatWadPercent((WAD * 3n) / 2n)).toBe('150.00 %');
    expect(formatWadPercent(1_853_400_000_000_000_000n)).toBe('185.34 %');
  });

  it('rounds to the requested digits', () => {
    expect(formatWadPercent(123_456_000_000_000_000n, 1)).toBe('12.3 %');
    expect(formatWadPercent(123_456_000_000_000_000n, 3)).toBe('12.346 %');
  });

  it('groups large percentages', () => {
    expect(formatWadPercent(WAD * 12_345n)).toBe('1,234,500.00 %');
  });

  it('shows the unbounded sentinel as infinity', () => {
    expect(formatWadPercent(maxUint256)).toBe('∞');
  });
});

describe('formatRatio', () => {
  it('turns a wad into a multiple', () => {
    expect(formatRatio((WAD * 3n) / 2n)).toBe('1.50×');
    expect(formatRatio(0n)).toBe('0.00×');
    expect(formatRatio(maxUint256)).toBe('∞');
  });
});
