import { maxUint256, parseUnits } from 'viem';
import { formatAmount } from './amount';

/** An upper bound the amount must respect, with the words that explain it (e.g. "your balance"). */
export interface AmountLimit {
  max: bigint;
  /** Completes "That is more than …", e.g. "your balance" or "the room left under the cap". */
  label: string;
}

export interface ParseAmountOptions {
  decimals: number;
  symbol: string;
  limits?: readonly AmountLimit[];
}

export type ParseAmountResult = { ok: true; value: bigint } | { ok: false; error: string };

// Digits with at most one decimal point; ".5" and "5." are fine, nothing else is.
const PLAIN_DECIMAL = /^(\d+\.?\d*|\.\d+)$/;

/**
 * Reads what a user typed into an amount field as an integer in the token's smallest unit. Strict on purpose: a
 * field that guesses (what does "1,000.5" mean in Germany?) can send the wrong amount, so anything other than plain
 * digits and one point is refused with a sentence that says how to write it.
 */
export function parseAmount(text: string, opts: ParseAmountOptions): ParseAmountResult {
  const input = text.trim();
  if (input === '') return fail('Enter an amount.');
  if (/\s/.test(input)) return fail('Remove the spaces: write the number as plain digits, e.g. 1000.5.');
  if (input.startsWith('-')) return fail('The amount cannot be negative.');
  if (/^[\d.]*[eE][+-]?\d+$/.test(input)) {
    return fail('Write the number in full (e.g. 1000), not in scientific notation.');
  }
  if (input.includes(',')) return fail('Leave out thousands separators and use a point for decimals, e.g. 1000.5.');
  if (!PLAIN_DECIMAL.test(input)) return fail('Use digits and at most one decimal point, e.g. 1000.5.');

  const fraction = input.split('.')[1] ?? '';
  if (fraction.length > opts.decimals) {
    return fail(`${opts.symbol} has ${opts.decimals} decimals: use at most ${opts.decimals} digits after the point.`);
  }

  const value = parseUnits(input, opts.decimals);
  if (value === 0n) return fail('Enter an amount greater than 0.');
  if (value > maxUint256) return fail('That number is too large for any token amount.');

  for (const limit of opts.limits ?? []) {
    if (value > limit.max) {
      const max = formatAmount(limit.max, opts.decimals, {
        fractionDigits: Math.min(opts.decimals, 6),
        unit: opts.symbol,
      });
      return fail(`That is more than ${limit.label} (${max}).`);
    }
  }
  return { ok: true, value };
}

function fail(error: string): ParseAmountResult {
  return { ok: false, error };
}
