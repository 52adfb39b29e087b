import { formatUnits } from 'viem';

export interface FormatAmountOptions {
  /** Digits shown after the decimal point (default 2). The value is rounded half away from zero. */
  fractionDigits?: number;
  /** Unit appended after a space, e.g. "tUSD" or "tUSD / share". */
  unit?: string;
}

const GROUP_SEPARATOR = ',';

/**
 * Formats an on-chain integer amount for display, e.g. 1234567890000n with 6 decimals -> "1,234,567.89".
 * Pure bigint arithmetic: money never passes through a float.
 */
export function formatAmount(value: bigint, decimals: number, opts: FormatAmountOptions = {}): string {
  const fractionDigits = opts.fractionDigits ?? 2;
  assertDigits(decimals, 'decimals');
  assertDigits(fractionDigits, 'fractionDigits');

  const scaled = rescale(value, decimals, fractionDigits);
  const [integerPart = '0', fractionPart = ''] = formatUnits(scaled, fractionDigits).split('.');
  const negative = integerPart.startsWith('-');
  const digits = negative ? integerPart.slice(1) : integerPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
  const fraction = fractionDigits > 0 ? `.${fractionPart.padEnd(fractionDigits, '0')}` : '';
  const text = `${negative ? '-' : ''}${grouped}${fraction}`;
  return opts.unit ? `${text} ${opts.unit}` : text;
}

/** Moves `value` from `from` decimals to `to` decimals, rounding half away from zero when digits are dropped. */
function rescale(value: bigint, from: number, to: number): bigint {
  if (to >= from) return value * 10n ** BigInt(to - from);
  const divisor = 10n ** BigInt(from - to);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return value < 0n ? -rounded : rounded;
}

function assertDigits(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 77) {
    throw new RangeError(`${name} must be an integer between 0 and 77, got ${n}`);
  }
}
