import { formatAmount } from './amount';

export interface CompactAmountOptions {
  /** Unit appended after a space, to the compact and to the full text alike. */
  unit?: string;
  /** Digits after the decimal point of the full text (default 2), as in `formatAmount`. */
  fractionDigits?: number;
  /** Digits after the decimal point of the compact text (default 2): "1.23M". */
  compactDigits?: number;
  /** Whole units from which the text is compacted (default 100,000); smaller values are written in full. */
  threshold?: bigint;
}

export interface CompactAmount {
  /** What to show: compact when the value reaches the threshold, else the full text. */
  text: string;
  /** The exact figure at `fractionDigits`, for the hover title and screen readers. */
  full: string;
  compacted: boolean;
}

const SUFFIXES = ['', 'K', 'M', 'B', 'T'] as const;
const DEFAULT_THRESHOLD = 100_000n;

/**
 * A large on-chain amount in few characters, e.g. 1234567890000n with 6 decimals -> "1.23M" ("1.23M tUSD" with a unit).
 * The suffix is chosen after rounding, so 999,999.999 reads "1.00M", never "1000.00K". Beyond trillions the T
 * figure grows with grouping ("1,234.00T"). Pure bigint arithmetic, rounding half away from zero as `formatAmount`.
 */
export function compactAmount(value: bigint, decimals: number, opts: CompactAmountOptions = {}): CompactAmount {
  const compactDigits = opts.compactDigits ?? 2;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  if (threshold < 0n) throw new RangeError(`threshold must not be negative, got ${threshold}`);
  if (!Number.isInteger(compactDigits) || compactDigits < 0 || compactDigits > 18) {
    throw new RangeError(`compactDigits must be an integer between 0 and 18, got ${compactDigits}`);
  }
  const full = formatAmount(value, decimals, { fractionDigits: opts.fractionDigits, unit: opts.unit });

  const magnitude = value < 0n ? -value : value;
  if (magnitude < threshold * 10n ** BigInt(decimals)) return { text: full, full, compacted: false };

  const limit = 1000n * 10n ** BigInt(compactDigits);
  let tier = 0;
  let scaled = scaleDown(magnitude, decimals + 3 * tier - compactDigits);
  while (scaled >= limit && tier < SUFFIXES.length - 1) {
    tier += 1;
    scaled = scaleDown(magnitude, decimals + 3 * tier - compactDigits);
  }
  const signed = value < 0n ? -scaled : scaled;
  const figure = `${formatAmount(signed, compactDigits, { fractionDigits: compactDigits })}${SUFFIXES[tier]}`;
  return { text: opts.unit ? `${figure} ${opts.unit}` : figure, full, compacted: true };
}

/** `magnitude` / 10^exponent rounded half up (the sign is applied by the caller); a negative exponent multiplies. */
function scaleDown(magnitude: bigint, exponent: number): bigint {
  if (exponent <= 0) return magnitude * 10n ** BigInt(-exponent);
  const divisor = 10n ** BigInt(exponent);
  return (magnitude + divisor / 2n) / divisor;
}
