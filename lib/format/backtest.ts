/** Words and numbers of the backtest section (floats from lib/risk/chainBacktest). */

const grouped = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const compact = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  compactDisplay: 'long',
  maximumSignificantDigits: 2,
});

/** A p-value: three decimals, or scientific below 0.001. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p >= 0.001 || p === 0 ? p.toFixed(3) : p.toExponential(1);
}

/** A probability in percent, readable when tiny ("3.2e-5 %"). */
export function formatProbability(p: number): string {
  const pct = p * 100;
  if (pct >= 0.01) return `${pct.toPrecision(2)} %`;
  return `${pct.toExponential(1)} %`;
}

/** How often, per year, by the model: "about 40 times a year" or "once in 1,200 years". */
export function formatFrequency(perYear: number): string {
  if (!(perYear > 0)) return 'never';
  if (perYear >= 1) {
    const times = grouped.format(perYear);
    return `about ${times} time${times === '1' ? '' : 's'} a year`;
  }
  const years = 1 / perYear;
  return `once in ${years >= 1e6 ? compact.format(years) : grouped.format(years)} years`;
}

/** A signed fractional move in percent: "−21.0 %", "+3.2 %". */
export function formatMove(move: number): string {
  const pct = move * 100;
  return `${pct < 0 ? '−' : '+'}${Math.abs(pct).toFixed(1)} %`;
}

export const levelLabel = (level: number) => `${+(level * 100).toFixed(1)} %`;
export const horizonLabel = (hours: number) => (hours === 1 ? '1 h' : `${hours} h`);
export const utc = (seconds: number) => `${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
