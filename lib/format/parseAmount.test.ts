import { describe, expect, it } from 'vitest';
import { parseAmount } from './parseAmount';

const tusd = { decimals: 6, symbol: 'tUSD' };

function error(text: string, opts = tusd as Parameters<typeof parseAmount>[1]): string {
  const result = parseAmount(text, opts);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.value}`);
  return result.error;
}

describe('parseAmount', () => {
  it('reads plain decimals into the smallest unit', () => {
    expect(parseAmount('1000', tusd)).toEqual({ ok: true, value: 1_000_000_000n });
    expect(parseAmount('1000.5', tusd)).toEqual({ ok: true, value: 1_000_500_000n });
    expect(parseAmount('0.000001', tusd)).toEqual({ ok: true, value: 1n });
    expect(parseAmount('.5', tusd)).toEqual({ ok: true, value: 500_000n });
    expect(parseAmount('5.', tusd)).toEqual({ ok: true, value: 5_000_000n });
    expect(parseAmount('  42  ', tusd)).toEqual({ ok: true, value: 42_000_000n });
    expect(parseAmount('007', tusd)).toEqual({ ok: true, value: 7_000_000n });
  });

  it('refuses empty input and zero', () => {
    expect(error('')).toBe('Enter an amount.');
    expect(error('   ')).toBe('Enter an amount.');
    expect(error('0')).toBe('Enter an amount greater than 0.');
    expect(error('0.000000')).toBe('Enter an amount greater than 0.');
  });

  it('refuses negative numbers', () => {
    expect(error('-5')).toBe('The amount cannot be negative.');
  });

  it('refuses scientific notation', () => {
    expect(error('1e3')).toMatch(/scientific notation/);
    expect(error('1.5E+6')).toMatch(/scientific notation/);
  });

  it('refuses thousands separators', () => {
    expect(error('1,000.5')).toMatch(/thousands separators/);
    expect(error('1000,5')).toMatch(/thousands separators/);
  });

  it('refuses more decimals than the token has', () => {
    expect(error('1.0000001')).toBe('tUSD has 6 decimals: use at most 6 digits after the point.');
    expect(parseAmount('1.000000000001', { decimals: 12, symbol: 'bsMEZ' })).toEqual({
      ok: true,
      value: 1_000_000_000_001n,
    });
  });

  it('refuses letters, spaces and other symbols', () => {
    expect(error('abc')).toMatch(/digits and at most one decimal point/);
    expect(error('12a')).toMatch(/digits and at most one decimal point/);
    expect(error('1.2.3')).toMatch(/digits and at most one decimal point/);
    expect(error('0x10')).toMatch(/digits and at most one decimal point/);
    expect(error('$5')).toMatch(/digits and at most one decimal point/);
    expect(error('Infinity')).toMatch(/digits and at most one decimal point/);
    expect(error('1 000')).toMatch(/Remove the spaces/);
  });

  it('refuses a number above 2^256 - 1', () => {
    const huge = (2n ** 256n).toString();
    expect(error(huge, { decimals: 0, symbol: 'X' })).toBe('That number is too large for any token amount.');
    expect(error('1' + '0'.repeat(80))).toBe('That number is too large for any token amount.');
  });

  it('names the first limit exceeded, with its value', () => {
    const limits = [
      { max: 500_000_000n, label: 'your balance' },
      { max: 100_000_000n, label: 'the room left under the cap' },
    ];
    expect(error('600', { ...tusd, limits })).toBe('That is more than your balance (500.000000 tUSD).');
    expect(error('200', { ...tusd, limits })).toBe('That is more than the room left under the cap (100.000000 tUSD).');
    expect(parseAmount('100', { ...tusd, limits })).toEqual({ ok: true, value: 100_000_000n });
  });
});
