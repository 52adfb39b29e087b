import { lookupReturn } from './marketMove/marginal';

/**
 * One market's price return over the horizon given its copula score t (a unit-variance t): read off the market's
 * fitted table when it has a market-move model (marketMove/marginal.ts), else the Student-t marginal σt, as a log
 * return (e^{σt} − 1) or a simple one. The Monte Carlo kernel (blockKernel.ts), its readable reference in the
 * tests and the C port (scripts/bench/mcKernel.c, `market_return`) each change here and only here.
 */
export function marketReturn(table: Float64Array | undefined, t: number, sigma: number, logReturns: boolean): number {
  if (table) return lookupReturn(table, t);
  const x = sigma * t;
  return logReturns ? Math.expm1(x) : x;
}
