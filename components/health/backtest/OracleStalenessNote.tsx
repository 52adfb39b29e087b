import { utc } from '@/lib/format/backtest';
import type { OracleStaleness } from '@/lib/risk/chainBacktest';

/** Above this share of unchanged hours the oracle is said to be stale: most "moves" are repeats of one price. */
const STALE_SHARE = 0.5;
const HOURS_BEFORE_END = 2 * 3_600;

/** What a stale oracle does to the backtest, said when it applies (nothing otherwise). */
export function OracleStalenessNote({ market, staleness }: { market: string; staleness: OracleStaleness }) {
  const { unchangedHours, returns, lastChange, end } = staleness;
  const share = returns > 0 ? unchangedHours / returns : 0;
  const sinceChange = lastChange === null ? null : end - lastChange;
  const stale = share > STALE_SHARE;
  const stopped = sinceChange !== null && sinceChange >= HOURS_BEFORE_END;
  if (!stale && !stopped && lastChange !== null) return null;
  return (
    <p
      className="rounded-lg border border-amber-900/50 bg-amber-950/20 px-3 py-2 text-sm text-amber-200"
      data-testid="stale-oracle"
    >
      {lastChange === null
        ? `${market}'s oracle price never changed in the indexed history: every hour counts as no move.`
        : stale
          ? `${market}'s oracle price did not change in ${Math.round(share * 100)} % of the hours (${unchangedHours.toLocaleString('en-US')} of ${returns.toLocaleString('en-US')}): a repeated price counts as no move, so the model's bands narrow between updates and each update can land beyond them.`
          : null}
      {stopped && lastChange !== null
        ? ` It last changed at ${utc(lastChange)}, ${hoursText(sinceChange)} before the end of the indexed history.`
        : null}
    </p>
  );
}

const hoursText = (seconds: number) =>
  seconds >= 2 * 86_400 ? `${Math.round(seconds / 86_400)} days` : `${Math.round(seconds / 3_600)} h`;
