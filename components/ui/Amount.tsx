import { compactAmount } from '@/lib/format/compactAmount';

/**
 * An on-chain amount with its unit, compact when large ("1.23M tUSD") and exact on demand:
 * - hover: the native title of the visible text shows the full figure;
 * - keyboard: a compact amount is a tab stop and, while focused, shows the full figure in place of the compact one
 *   (a title never appears on focus, and an in-place swap cannot be clipped by a scrolling table);
 * - screen readers: read only the full figure (the compact text is aria-hidden), as words they can say exactly.
 * Small amounts are plain text, written in full, with no tab stop.
 */
export function Amount({
  value,
  decimals,
  unit,
  fractionDigits,
  threshold,
  unitClassName,
}: {
  value: bigint;
  decimals: number;
  unit: string;
  /** Digits of the full figure (default 2). */
  fractionDigits?: number;
  /** Whole units from which the amount is compacted (default 100,000). */
  threshold?: bigint;
  /** Styles the unit apart from the figure, e.g. smaller beside a headline number. */
  unitClassName?: string;
}) {
  const { text, full, compacted } = compactAmount(value, decimals, { fractionDigits, threshold });
  const unitPart = <> {unitClassName ? <span className={unitClassName}>{unit}</span> : unit}</>;
  if (!compacted) {
    return (
      <span className="whitespace-nowrap">
        {text}
        {unitPart}
      </span>
    );
  }
  return (
    <span
      tabIndex={0}
      className="group relative whitespace-nowrap rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
    >
      <span
        aria-hidden="true"
        title={`${full} ${unit}`}
        className="cursor-help underline decoration-slate-500 decoration-dotted underline-offset-4 group-focus-visible:hidden"
      >
        {text}
        {unitPart}
      </span>
      <span className="sr-only group-focus-visible:not-sr-only">
        {full}
        {unitPart}
      </span>
    </span>
  );
}
