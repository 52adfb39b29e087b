import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { drawdownWad, peakPrice } from './drawdown';

describe('drawdown', () => {
  it('takes the higher of the indexed peak and the current price', () => {
    expect(peakPrice(1_020_000n, 1_010_000n)).toBe(1_020_000n);
    expect(peakPrice(900_000n, 1_010_000n)).toBe(1_010_000n);
    expect(peakPrice(900_000n, null)).toBe(900_000n);
  });
  it('is the fall from the peak as a negative wad fraction', () => {
    expect(drawdownWad(800_000n, 1_000_000n)).toBe(-parseEther('0.2'));
    expect(drawdownWad(3_573n, 1_027_000n)).toBeLessThan(-parseEther('0.99'));
  });
  it('is zero at or above the peak and for a zero peak', () => {
    expect(drawdownWad(1_000_000n, 1_000_000n)).toBe(0n);
    expect(drawdownWad(5n, 0n)).toBe(0n);
  });
  it('rounds toward zero so a price a hair under its peak is not overstated', () => {
    expect(drawdownWad(999_999n, 1_000_000n)).toBe(-(10n ** 12n));
  });
});
