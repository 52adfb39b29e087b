import { formatAmount } from '@/lib/format/amount';
import { formatBps } from './realisedApr';
import type { TrancheHistoryPoint } from './trancheHistory';

const when = (timestamp: number) => `${new Date(timestamp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The text alternative of each of the tranche page's history charts: where the range starts and ends, exact. */
export function trancheHistorySummaries(
  points: readonly TrancheHistoryPoint[],
  asset: { symbol: string; decimals: number },
): { price: string; apr: string; capital: string } {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) {
    const none = 'No indexed samples in this range yet.';
    return { price: none, apr: none, capital: none };
  }
  const money = (v: bigint, digits = 2) =>
    formatAmount(v, asset.decimals, { fractionDigits: digits, unit: asset.symbol });
  const span = `${points.length} sample${points.length === 1 ? '' : 's'} from ${when(first.timestamp)} to ${when(last.timestamp)}`;
  const low = points.reduce((a, b) => (b.sharePrice < a.sharePrice ? b : a));
  return {
    price: `Share price ${money(last.sharePrice, 6)} per share at ${when(last.timestamp)} (block #${last.blockNumber}), from ${money(first.sharePrice, 6)} at the start of the range; lowest ${money(low.sharePrice, 6)} at ${when(low.timestamp)}. ${span}.`,
    apr:
      last.aprBps === null
        ? `Realised APR: n/a — fewer than 30 days of history before ${when(last.timestamp)}. ${span}.`
        : `Realised APR over the 30 days to ${when(last.timestamp)}: ${formatBps(last.aprBps)} a year (simple; negative when losses exceeded premiums). ${span}.`,
    capital: `Capital ${money(last.capital)} at ${when(last.timestamp)}, from ${money(first.capital)} at the start of the range. ${span}.`,
  };
}
