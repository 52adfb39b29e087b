/** Below 0.0001 % (a fraction of 1e-6) a positive figure reads "< 0.0001 %": smaller ones are noise in a quote. */
export const SMALLEST_SHOWN_PERCENT = 0.0001;
const SMALLEST_SHOWN_FRACTION = 1e-6; // compared as a fraction: ×100 would put 1e-6 itself just below the floor

/**
 * A probability or rate (a fraction: 0.05 = 5 %) as a percentage that tells small from zero: "0 %" only for an exact
 * zero, "< 0.0001 %" only for a true positive below that, two significant digits under 1 % (0.0042 %), two decimals
 * from 1 % up (12.34 %); "—" when it is not a number.
 */
export function formatSmallPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0 %';
  const pct = value * 100;
  const magnitude = Math.abs(pct);
  const sign = pct < 0 ? '−' : '';
  if (Math.abs(value) < SMALLEST_SHOWN_FRACTION) return `${pct < 0 ? '> −' : '< '}${SMALLEST_SHOWN_PERCENT} %`;
  if (magnitude >= 1) {
    return `${sign}${magnitude.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
  }
  // toPrecision stays in plain notation down to 1e-6, well below the floor above.
  return `${sign}${magnitude.toPrecision(2)} %`;
}
