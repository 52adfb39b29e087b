import type { Rng } from './rng';

/**
 * The day-60 crash, shaped on the real record (Binance hourly closes): ETH's worst hour −20.9 % and worst 24 h
 * −47.8 % on 2020-03-12/13; BTC −18.2 % / −46.4 % the same days; SOL −47.6 % in 24 h on 2022-11-09.
 */
export const CRASH_HOURS = 24;
/** ETH's one waterfall hour, and its close 24 hours after the fall began. */
export const WORST_HOUR = -0.21;
export const TOTAL_FALL = -0.45;
/** The hour (from 0) of the waterfall, inside the stall, as on Black Thursday when keepers' transactions did not land. */
export const WORST_HOUR_INDEX = 5;
/**
 * ETH's hourly moves before jitter, modelled on 2020-03-12: a slide, the waterfall, lower lows, then a bounce
 * that leaves the close a little above the low. The waterfall's entry is replaced by WORST_HOUR.
 */
const ETH_SHAPE = [
  -0.02, -0.03, -0.015, -0.05, -0.02, 0, 0.025, -0.04, -0.03, -0.02, 0.015, -0.035, -0.01, -0.025, 0.02, -0.015, 0.03,
  0.01, -0.005, 0.02, -0.01, 0.015, -0.005, 0.01,
];
/** BTC and SOL fall with ETH, less: each hour's log move is this share of ETH's, plus its own jitter. */
const BETA = [1, 0.5, 0.6] as const;
/** Half-width of the uniform jitter on an hour's log move; the waterfall hour has none. */
const JITTER = [0.01, 0.006, 0.012] as const;

/**
 * Hourly price factors for the three markets (`factors[hour][market]`), deterministic for `rng`. ETH's worst hour is
 * exactly WORST_HOUR and its 24-hour product exactly 1 + TOTAL_FALL: the jitter on the other hours is evened out
 * by one shift of their log moves.
 */
export function crashPath(rng: Rng): number[][] {
  const worst = Math.log(1 + WORST_HOUR);
  const eth = ETH_SHAPE.map((r, h) => (h === WORST_HOUR_INDEX ? worst : Math.log(1 + r) + jitter(rng, 0)));
  const others = eth.reduce((sum, x, h) => (h === WORST_HOUR_INDEX ? sum : sum + x), 0);
  const shift = (Math.log(1 + TOTAL_FALL) - worst - others) / (CRASH_HOURS - 1);
  const ethMoves = eth.map((x, h) => (h === WORST_HOUR_INDEX ? x : x + shift));
  return ethMoves.map((x, h) => [
    Math.exp(x),
    Math.exp(BETA[1] * x + (h === WORST_HOUR_INDEX ? 0 : jitter(rng, 1))),
    Math.exp(BETA[2] * x + (h === WORST_HOUR_INDEX ? 0 : jitter(rng, 2))),
  ]);
}

function jitter(rng: Rng, market: number): number {
  return rng.uniform(-JITTER[market]!, JITTER[market]!);
}

/** Prices after each hour of `factors`, starting from `start`. */
export function pricesAlong(start: readonly number[], factors: readonly (readonly number[])[]): number[][] {
  const prices: number[][] = [];
  let current = [...start];
  for (const hour of factors) {
    current = current.map((p, i) => p * hour[i]!);
    prices.push(current);
  }
  return prices;
}

/** What a run of hourly closes shows: the fall from the first to the last, the lowest close and the worst hour. */
export function closesFigures(closes: readonly number[]): { fall: number; low: number; worstHour: number } {
  if (closes.length < 2) throw new Error('Figures need at least two closes.');
  const hours = closes.slice(1).map((close, h) => close / closes[h]! - 1);
  return {
    fall: closes.at(-1)! / closes[0]! - 1,
    low: Math.min(...closes),
    worstHour: Math.min(...hours),
  };
}
