import { walkForward } from '../backtest';
import { MIN_MODEL_RETURNS } from '../fromChain';
import { foldFlatHours } from '../marketMove/flatHours';
import { assetKey, MarketMoveModel } from '../marketMove/model';
import { hourlyClosesOf, stalenessOf } from './hourlyCloses';
import { lossMove } from './lossMoves';
import type { ChainBacktest, LossEvent, LossMove, MarketBacktest, MarketHistory } from './types';
import { verdictOf } from './verdict';

export const CHAIN_BACKTEST_LEVELS = [0.95, 0.99, 0.999] as const;
export const CHAIN_BACKTEST_HORIZONS = [1, 24] as const;
export const TRACE = { level: 0.99, horizonHours: 1 } as const;
const HOUR = 3_600;

/**
 * The walk-forward backtest on a chain's own indexed oracle history (docs/risk-model.md): per market, hourly closes
 * up to `through` (the last indexed sample), every forecast against the move that followed; and for each loss event
 * the move before it with the probability the model gave it beforehand.
 */
export function chainBacktest(
  histories: readonly MarketHistory[],
  losses: readonly LossEvent[],
  through: number | null,
): ChainBacktest {
  const built = histories.map((history) => {
    const asset = assetKey(history.name);
    const series = hourlyClosesOf(history.points, through ?? 0);
    return { history, asset, series };
  });
  const markets: MarketBacktest[] = built.map(({ history, asset, series }) => {
    // The forecast is the model as the quotes read it (flat hours folded), against what the oracle then did.
    const folded = foldFlatHours(series.closes);
    const report = walkForward(series, {
      asset,
      modelAt: (k) => {
        const changes = folded.changesThrough[k] as number;
        return changes >= MIN_MODEL_RETURNS ? MarketMoveModel.atClose(folded.returns, changes, asset) : null;
      },
      levels: CHAIN_BACKTEST_LEVELS,
      horizons: CHAIN_BACKTEST_HORIZONS,
      trace: TRACE,
    });
    return {
      id: history.id,
      name: history.name,
      asset,
      hours: series.closes.length,
      staleness: stalenessOf(series),
      cells: report.cells,
      // The forecast is made at the close, the end of the hour the series' timestamp starts.
      trace: report.trace.map((point) => ({ ...point, time: point.time + HOUR })),
      verdict: verdictOf(report.cells.map((c) => ({ ...c, market: history.name }))),
    };
  });
  const lossMoves = losses.map((loss) => {
    const market = built.find((b) => b.history.id === loss.marketId);
    const moves = market
      ? CHAIN_BACKTEST_HORIZONS.map((h) =>
          lossMove(market.history.points, market.series, market.asset, loss.timestamp, h),
        ).filter((m): m is LossMove => m !== null)
      : [];
    return { ...loss, moves };
  });
  return {
    markets,
    losses: lossMoves,
    verdict: verdictOf(markets.flatMap((m) => m.cells.map((c) => ({ ...c, market: m.name })))),
    through,
  };
}
