export { chainBacktest, CHAIN_BACKTEST_HORIZONS, CHAIN_BACKTEST_LEVELS, TRACE } from './chainBacktest';
export { marketHistoriesOf, type SampleOracles } from './fromSamples';
export { hourlyClosesOf, priceAt, stalenessOf } from './hourlyCloses';
export { lossMove } from './lossMoves';
export { rejects, verdictOf, REJECT_BELOW, MIN_HOURS_TO_JUDGE } from './verdict';
export type * from './types';
