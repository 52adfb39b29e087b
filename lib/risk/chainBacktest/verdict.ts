import type { BacktestCell } from '../backtest';
import type { Verdict } from './types';

/** A test rejects the model below this p-value: strict, because a page reader sees many cells at once. */
export const REJECT_BELOW = 0.001;
/** Fewer one-hour forecasts than this (a week) tell too little to call the model held. */
export const MIN_HOURS_TO_JUDGE = 168;

const percent = (level: number) => `${+(level * 100).toFixed(1)} %`;
const horizon = (hours: number) => (hours === 1 ? 'one-hour' : `${hours}-hour`);

export function rejects(cell: BacktestCell): boolean {
  return cell.observations > 0 && (cell.kupiecP < REJECT_BELOW || cell.christoffersenP < REJECT_BELOW);
}

/**
 * The verdict in one line over the cells of one market or several (each with the market's name): held when no
 * Kupiec or Christoffersen test rejects at 0.1 %, else the worst rejected cell in words.
 */
export function verdictOf(cells: readonly (BacktestCell & { market: string })[]): Verdict {
  const hourly = Math.max(0, ...cells.filter((c) => c.horizonHours === 1).map((c) => c.observations));
  const rejected = cells.filter(rejects);
  if (rejected.length === 0) {
    if (hourly < MIN_HOURS_TO_JUDGE) {
      return {
        held: true,
        tooShort: true,
        text: `Too early to tell: ${hourly} hourly forecasts so far, at least ${MIN_HOURS_TO_JUDGE} are needed.`,
      };
    }
    return { held: true, tooShort: false, text: 'Held: no test rejects the model at the 0.1 % level.' };
  }
  // Too many exceptions understate the risk, the failure that costs the backstop: said first. Too few overstate it.
  const tooMany = rejected.filter((c) => c.exceptions > c.expected);
  const worst = (tooMany.length > 0 ? tooMany : rejected).reduce((a, b) => (pValue(b) < pValue(a) ? b : a));
  const others = rejected.length - 1;
  const expected = worst.expected.toFixed(worst.expected < 10 ? 1 : 0);
  const moves = worst.side === 'fall' ? 'falls' : 'rises';
  const what =
    worst.kupiecP >= REJECT_BELOW
      ? `its ${worst.exceptions} exceptions came in clusters`
      : worst.exceptions > worst.expected
        ? `${worst.exceptions} ${moves} beyond the band where ${expected} were expected`
        : `only ${worst.exceptions} ${moves} beyond the band where ${expected} were expected, so the band is too wide`;
  return {
    held: false,
    tooShort: false,
    text:
      `Did not hold at ${percent(worst.level)} ${horizon(worst.horizonHours)} for ${worst.market}: ${what}` +
      (others > 0 ? ` (and ${others} other test${others === 1 ? '' : 's'} reject at 0.1 %).` : '.'),
  };
}

const pValue = (cell: BacktestCell) => Math.min(cell.kupiecP, cell.christoffersenP);
