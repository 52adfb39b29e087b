import type { MarketHistory } from './types';

/** The indexed sample fields read here (docs/interfaces.md, GET /api/samples). */
export interface SampleOracles {
  timestamp: number;
  markets: readonly { id: number; name: string; price: string; priceDecimals: number }[];
}

/**
 * Each market's oracle history from the indexer's samples (oldest first), ordered by market id. Prices become
 * floats: the backtest only uses their ratios. A zero price (an oracle not yet set) is left out.
 */
export function marketHistoriesOf(samples: readonly SampleOracles[]): MarketHistory[] {
  const byId = new Map<number, MarketHistory>();
  for (const sample of samples) {
    for (const market of sample.markets) {
      const price = Number(market.price) / 10 ** market.priceDecimals;
      if (!(price > 0 && Number.isFinite(price))) continue;
      let history = byId.get(market.id);
      if (!history) byId.set(market.id, (history = { id: market.id, name: market.name, points: [] }));
      const last = history.points.at(-1);
      if (last && sample.timestamp < last.timestamp) continue;
      history.points.push({ timestamp: sample.timestamp, price });
    }
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
