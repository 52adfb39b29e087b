/**
 * The marginal: a market's price return over the horizon given its standardised move t (unit variance, from the
 * copula) and its horizon σ. Log returns: r = e^{σt} − 1; simple returns: r = σt. Kept to this one function so the
 * Monte Carlo kernel (blockKernel.ts) and its C reference (scripts/bench/mcKernel.c) change in one place each.
 */
export function priceReturn(t: number, sigma: number, logReturns: boolean): number {
  const x = sigma * t;
  return logReturns ? Math.expm1(x) : x;
}
