import { estimateMarketDynamics, type EstimationOptions, type MarketDynamics } from './estimation';
import { alignHistories, type PricePoint } from './history';
import { hourlyEquivalentCloses } from './marketMove/flatHours';
import { MarketMoveModel, type MarketMoveState } from './marketMove/model';
import type { MarketRiskInput, RiskInputs, TrancheRiskInput } from './types';

/**
 * The boundary between the chain and the model: plain objects mirroring the lens's views (bigint amounts, as viem
 * decodes them) in, float model inputs out. No viem here: the conversion is done by hand.
 * Units (docs/interfaces.md): asset amounts in asset units (`assetDecimals`, 6 for the stablecoin); rates are wads
 * (1e18); liquidityDepth in asset units; oracle prices with `priceDecimals`.
 */
export interface ChainMarketView {
  name: string;
  longNotional: bigint;
  shortNotional: bigint;
  maintenanceMarginRate: bigint;
  liquidationImpact: bigint;
  liquidityDepth: bigint;
}

export interface ChainTrancheView {
  id: number | bigint;
  name: string;
  /** Vested capital: what absorbs a loss (unvested premium does not). */
  totalAssets: bigint;
}

export interface ChainPricePoint {
  timestamp: number | bigint;
  price: bigint;
}

const WAD_DECIMALS = 18;
const HOUR = 3_600;
/** Fewest price changes the market-move model is read from (its EWMA start needs 20). */
export const MIN_MODEL_RETURNS = 20;

/** value / 10^decimals as a float, exact to double rounding for any size (the integer and fraction parts apart). */
export function toFloat(value: bigint, decimals: number): number {
  if (!(Number.isInteger(decimals) && decimals >= 0)) throw new RangeError(`decimals must be a whole number ≥ 0`);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = magnitude / base;
  const fraction = magnitude % base;
  const result = Number(whole) + Number(fraction) / Number(base);
  return negative ? -result : result;
}

export function marketFromChain(view: ChainMarketView, assetDecimals: number, volatility: number): MarketRiskInput {
  return {
    name: view.name,
    longNotional: toFloat(view.longNotional, assetDecimals),
    shortNotional: toFloat(view.shortNotional, assetDecimals),
    maintenanceMarginRate: toFloat(view.maintenanceMarginRate, WAD_DECIMALS),
    liquidationImpact: toFloat(view.liquidationImpact, WAD_DECIMALS),
    liquidityDepth: toFloat(view.liquidityDepth, assetDecimals),
    volatility,
  };
}

export function trancheFromChain(view: ChainTrancheView, assetDecimals: number): TrancheRiskInput {
  return { id: Number(view.id), name: view.name, capital: toFloat(view.totalAssets, assetDecimals) };
}

export function priceHistoryFromChain(points: readonly ChainPricePoint[], priceDecimals: number): PricePoint[] {
  return points.map((p) => ({ timestamp: Number(p.timestamp), price: toFloat(p.price, priceDecimals) }));
}

export interface ChainRiskState {
  assetDecimals: number;
  markets: readonly ChainMarketView[];
  /** In waterfall order (tranche id 0 = Junior first). */
  tranches: readonly ChainTrancheView[];
  /** Oracle price history per market (same order as markets) with each market's price decimals. */
  priceHistories: readonly { decimals: number; points: readonly ChainPricePoint[] }[];
}

/** Model inputs from the chain state; volatility and correlation estimated from the price histories. */
export function riskInputsFromChain(
  state: ChainRiskState,
  estimation: EstimationOptions = {},
): { inputs: RiskInputs; dynamics: MarketDynamics } {
  if (state.priceHistories.length !== state.markets.length) {
    throw new RangeError('one price history per market is needed');
  }
  const histories = state.priceHistories.map((h) => priceHistoryFromChain(h.points, h.decimals));
  const dynamics = estimateMarketDynamics(histories, estimation);
  const tranches = [...state.tranches].sort((a, b) => Number(a.id) - Number(b.id));
  return {
    inputs: {
      markets: state.markets.map((m, i) => {
        const market = marketFromChain(m, state.assetDecimals, dynamics.volatilities[i] as number);
        const moveModel = dynamics.estimated ? moveModelOf(histories[i] ?? [], m.name) : undefined;
        return moveModel ? { ...market, moveModel } : market;
      }),
      correlation: dynamics.correlation,
      tranches: tranches.map((t) => trancheFromChain(t, state.assetDecimals)),
    },
    dynamics,
  };
}

/**
 * The market-move model's reading of one market's oracle history, or undefined with fewer than `MIN_MODEL_RETURNS`
 * price changes: the engines then use the Student-t with the estimated or fallback volatility. The history is put on
 * the hourly grid (its own span, last observation carried forward), flat hours folded into the next change
 * (marketMove/flatHours.ts); the latest answer, when it came after the last grid hour, closes the series.
 */
export function moveModelOf(history: readonly PricePoint[], marketName: string): MarketMoveState | undefined {
  if (history.length < 2) return undefined;
  const aligned = alignHistories([history], HOUR);
  const grid = aligned.prices[0];
  const lastGridTime = aligned.timestamps[aligned.timestamps.length - 1];
  if (!grid || lastGridTime === undefined) return undefined;
  const latest = history.reduce((a, b) => (b.timestamp > a.timestamp ? b : a));
  const hourly = latest.timestamp > lastGridTime ? [...grid, latest.price] : Array.from(grid);
  const closes = hourlyEquivalentCloses(hourly);
  if (closes.length - 1 < MIN_MODEL_RETURNS) return undefined;
  return MarketMoveModel.fromCloses(closes, marketName).toState();
}
