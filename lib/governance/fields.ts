import { getAddress, isAddress, maxUint256, parseUnits, type Address } from 'viem';
import { formatAmount } from '@/lib/format/amount';
import { MAX_PROTOCOL_NAME_LENGTH, plainLabel } from '@/lib/format/protocolName';

/** How a parameter is typed in and shown. */
export type FieldKind =
  | { kind: 'duration'; inputUnit: 'days' | 'hours' | 'minutes' }
  | { kind: 'percent' } // wad, shown ×100
  | { kind: 'multiplier' } // wad, shown as "3.5×"
  | { kind: 'asset'; decimals: number; symbol: string }
  | { kind: 'address'; /** What the zero address means here ("none"): shown instead of it. */ zero?: string }
  | { kind: 'name' }; // a covered protocol's name: printable ASCII, 1 to MAX_PROTOCOL_NAME_LENGTH bytes

/** bigint for numbers, a checksummed address, or a name's text. */
export type FieldValue = bigint | Address | string;

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldKind;
  /** Inclusive bounds for numeric fields, with the constant's name for the message. */
  min?: { value: bigint; name: string };
  max?: { value: bigint; name: string };
}

const UNIT_SECONDS = { days: 86_400n, hours: 3_600n, minutes: 60n } as const;
const DECIMAL = /^\d+(\.\d+)?$/;

/** What the input box says its unit is. */
export function inputUnitOf(type: FieldKind): string {
  switch (type.kind) {
    case 'duration':
      return type.inputUnit;
    case 'percent':
      return '%';
    case 'multiplier':
      return '×';
    case 'asset':
      return type.symbol;
    case 'address':
      return 'address';
    case 'name':
      return 'text';
  }
}

/** A value as words: 604800 s → "7 days", 0.12e18 → "12%", 3.5e18 → "3.5×". */
export function formatField(type: FieldKind, value: FieldValue): string {
  if (type.kind === 'name') return quotedName(value);
  if (typeof value === 'string') {
    if (!isAddress(value, { strict: false })) return quotedName(value);
    return type.kind === 'address' && type.zero && BigInt(value) === 0n ? type.zero : getAddress(value);
  }
  switch (type.kind) {
    case 'duration':
      return formatSeconds(value);
    case 'percent':
      return `${trimDecimal(value * 100n, 18)}%`;
    case 'multiplier':
      return `${trimDecimal(value, 18)}×`;
    case 'asset':
      return value === maxUint256
        ? 'unlimited'
        : formatAmount(value, type.decimals, {
            fractionDigits: exactFractionDigits(value, type.decimals),
            unit: type.symbol,
          });
    case 'address':
      return String(value);
  }
}

/** The fraction digits that show `value` exactly: a voter must never read a rounded amount (1,500,000.5, not 1,500,001). */
export function exactFractionDigits(value: bigint, decimals: number): number {
  let digits = decimals;
  let rest = value < 0n ? -value : value;
  while (digits > 0 && rest % 10n === 0n) {
    rest /= 10n;
    digits--;
  }
  return digits;
}

/**
 * A name from a proposal's calldata is hostile text: a valid one is shown quoted; anything else is shown as its
 * printable part, cut, with why the module will refuse it (so the call would revert).
 */
export function quotedName(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const problem = nameProblem(text);
  if (problem === null) return JSON.stringify(text);
  const shown = plainLabel(text, MAX_PROTOCOL_NAME_LENGTH);
  return `${JSON.stringify(shown)}${text.length > shown.length ? '…' : ''} (refused by the module: ${problem})`;
}

/** The module's rule for a protocol name (BackstopModule._checkProtocolName); null when it accepts it. */
export function nameProblem(text: string): string | null {
  if (text.length === 0) return 'empty';
  const bad = [...text].find((c) => c < ' ' || c > '~');
  if (bad !== undefined) {
    const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `U+${code} is not printable ASCII (letters, digits, spaces and punctuation only)`;
  }
  if (text.length > MAX_PROTOCOL_NAME_LENGTH)
    return `${text.length} characters, at most ${MAX_PROTOCOL_NAME_LENGTH} (MAX_PROTOCOL_NAME_LENGTH)`;
  return null;
}

/** A value as the input box would hold it (used to prefill with the current value). */
export function toInputText(type: FieldKind, value: FieldValue): string {
  if (type.kind === 'name') return String(value);
  if (typeof value === 'string') return isAddress(value, { strict: false }) ? getAddress(value) : value;
  switch (type.kind) {
    case 'duration':
      return trimDecimal((value * 10_000n) / UNIT_SECONDS[type.inputUnit], 4);
    case 'percent':
      return trimDecimal(value * 100n, 18);
    case 'multiplier':
      return trimDecimal(value, 18);
    case 'asset':
      return trimDecimal(value, type.decimals);
    case 'address':
      return String(value);
  }
}

export type ParseResult = { ok: true; value: FieldValue } | { ok: false; error: string };

/** Parses typed text into the on-chain value and checks it against the contract's bounds. */
export function parseField(spec: FieldSpec, rawText: string): ParseResult {
  if (spec.type.kind === 'name') {
    // Only the edges are trimmed: inside, the text is what the module will store and show.
    const name = rawText.trim();
    if (name === '') return { ok: false, error: `Enter ${spec.label.toLowerCase()}.` };
    const problem = nameProblem(name);
    return problem === null ? { ok: true, value: name } : { ok: false, error: `Not a valid name: ${problem}.` };
  }
  const text = rawText.trim().replaceAll(',', '');
  const type = spec.type;
  if (text === '') return { ok: false, error: `Enter ${spec.label.toLowerCase()}.` };
  if (type.kind === 'address') {
    if (!isAddress(text, { strict: false }))
      return { ok: false, error: 'Not an address: expected 0x followed by 40 hex digits.' };
    return { ok: true, value: getAddress(text) };
  }
  if (!DECIMAL.test(text)) return { ok: false, error: `Enter a number in ${inputUnitOf(type)}.` };
  let value: bigint;
  try {
    value = toRaw(type, text);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if ((spec.min && value < spec.min.value) || (spec.max && value > spec.max.value)) {
    const lo = spec.min ? formatField(type, spec.min.value) : formatField(type, 0n);
    const hi = spec.max ? formatField(type, spec.max.value) : 'no limit';
    const names = [spec.min?.name, spec.max?.name].filter(Boolean).join(', ');
    return { ok: false, error: `Must be between ${lo} and ${hi}${names ? ` (${names})` : ''}.` };
  }
  return { ok: true, value };
}

function toRaw(type: Exclude<FieldKind, { kind: 'address' } | { kind: 'name' }>, text: string): bigint {
  switch (type.kind) {
    case 'duration': {
      const scaled = parseUnits(text, 4) * UNIT_SECONDS[type.inputUnit];
      if (scaled % 10_000n !== 0n) throw new Error('That is not a whole number of seconds: use fewer decimals.');
      return scaled / 10_000n;
    }
    case 'percent':
      return exact(text, 16, 'at most 16 decimals');
    case 'multiplier':
      return exact(text, 18, 'at most 18 decimals');
    case 'asset':
      return exact(text, type.decimals, `at most ${type.decimals} decimals`);
  }
}

function exact(text: string, decimals: number, what: string): bigint {
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > decimals) throw new Error(`Too many decimals: ${what}.`);
  return parseUnits(text, decimals);
}

/** Seconds in their largest whole unit: "7 days", "36 hours", "90 minutes", "45 seconds". */
export function formatSeconds(seconds: bigint): string {
  const plural = (n: bigint, unit: string) => `${n.toString()} ${unit}${n === 1n ? '' : 's'}`;
  if (seconds === 0n) return '0 days';
  if (seconds % 86_400n === 0n) return plural(seconds / 86_400n, 'day');
  if (seconds % 3_600n === 0n) return plural(seconds / 3_600n, 'hour');
  if (seconds % 60n === 0n) return plural(seconds / 60n, 'minute');
  return plural(seconds, 'second');
}

/** A fixed-point integer as the shortest exact decimal: (1234500, 4) → "123.45". */
export function trimDecimal(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.toString()}${fraction ? `.${fraction}` : ''}`;
}
