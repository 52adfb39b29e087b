import { describe, expect, it } from 'vitest';
import { exactFractionDigits, formatField } from './fields';

const asset = { kind: 'asset', decimals: 6, symbol: 'tUSD' } as const;

describe('formatField for asset amounts', () => {
  it('shows an amount exactly, with only the decimals it needs', () => {
    expect(formatField(asset, 1_500_000_500_000n)).toBe('1,500,000.5 tUSD');
    expect(formatField(asset, 1_500_000_000_000n)).toBe('1,500,000 tUSD');
    expect(formatField(asset, 1n)).toBe('0.000001 tUSD');
  });

  it('counts the digits a value needs', () => {
    expect(exactFractionDigits(0n, 6)).toBe(0);
    expect(exactFractionDigits(120n, 6)).toBe(5);
    expect(exactFractionDigits(-1_000_001n, 6)).toBe(6);
  });
});
