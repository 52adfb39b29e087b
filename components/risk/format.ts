/** Number formatting for the risk figures (floats from lib/risk). */
const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatMoney(value: number, symbol: string): string {
  if (!Number.isFinite(value)) return '—';
  return `${amountFormat.format(value)} ${symbol}`;
}

export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** A probability or rate as a percentage, small values kept readable. */
export function formatPct(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  const pct = value * 100;
  if (pct !== 0 && Math.abs(pct) < 10 ** -digits) return `${pct.toExponential(1)} %`;
  return `${pct.toFixed(digits)} %`;
}

export function formatRatio(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞ (no tail loss)';
  if (!Number.isFinite(value)) return '—';
  if (value >= 1e6) return '> 1,000,000×';
  return `${value.toFixed(2)}×`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
