import { TAIL_LEVELS } from './defaults';
import { quoteTranche } from './premium';
import { countAtOrBelow, expectedShortfall, valueAtRisk } from './tailStatistics';
import type { Histogram, ModelParams, PortfolioRisk, TrancheQuote, TrancheRiskInput } from './types';
import { trancheLayers, trancheLoss } from './waterfall';

/**
 * Everything the Monte Carlo reports, read off the sorted shortfall sample: portfolio tails, the solvency ratio,
 * each tranche's loss statistics through the waterfall, and the histogram.
 */
export interface ShortfallSummary {
  portfolio: PortfolioRisk;
  expectedShortfallStdError: number;
  tranches: (TrancheQuote & { expectedLossStdError: number })[];
  histogram: Histogram;
}

export function summariseShortfalls(
  sorted: Float64Array,
  tranches: readonly TrancheRiskInput[],
  openInterest: number,
  params: ModelParams,
): ShortfallSummary {
  const n = sorted.length;
  if (n === 0) throw new RangeError('need at least one scenario');
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
  const capital = tranches.reduce((total, t) => total + t.capital, 0);
  const tails = TAIL_LEVELS.map((level) => ({
    level,
    valueAtRisk: valueAtRisk(sorted, level),
    expectedShortfall: expectedShortfall(sorted, level),
  }));
  const es99 = tails[1]?.expectedShortfall ?? Number.NaN;
  const deficitCount = n - countAtOrBelow(sorted, capital);
  let deficitSum = 0;
  for (let i = n - deficitCount; i < n; i++) deficitSum += (sorted[i] as number) - capital;

  const ulLevel = params.unexpectedLossLevel;
  const tailCount = (1 - ulLevel) * n;
  const quotes = trancheLayers(tranches).map((layer) => {
    const { attachment } = layer;
    const c = layer.tranche.capital;
    let lossSum = 0;
    let lossSquares = 0;
    const firstLoss = countAtOrBelow(sorted, attachment);
    for (let i = firstLoss; i < n; i++) {
      const loss = trancheLoss(sorted[i] as number, attachment, c);
      lossSum += loss;
      lossSquares += loss * loss;
    }
    const el = lossSum / n;
    const lossVariance = n > 1 ? Math.max(0, (lossSquares - n * el * el) / (n - 1)) : 0;
    const wipeouts = c > 0 ? n - countAtOrBelow(sorted, layer.detachment) + countEqual(sorted, layer.detachment) : 0;
    const tailHits = expectedShortfall(sorted, ulLevel, (x) => (x > attachment ? 1 : 0));
    const quote = quoteTranche(
      layer,
      {
        probabilityOfLoss: (n - firstLoss) / n,
        probabilityOfWipeout: wipeouts / n,
        expectedLoss: el,
        tailLoss: expectedShortfall(sorted, ulLevel, (x) => trancheLoss(x, attachment, c)),
        // The tranche's loss is non-decreasing in S, so its quantile is the shortfall's quantile through the waterfall.
        tails: TAIL_LEVELS.map((level) => ({
          level,
          valueAtRisk: trancheLoss(valueAtRisk(sorted, level), attachment, c),
          expectedShortfall: expectedShortfall(sorted, level, (x) => trancheLoss(x, attachment, c)),
        })),
        marginalExpectedLossRate: (n - firstLoss) / n,
        marginalTailLossRate: tailCount > 0 ? tailHits : 0,
      },
      openInterest,
      params,
    );
    return { ...quote, expectedLossStdError: Math.sqrt(lossVariance / n) };
  });

  const portfolio: PortfolioRisk = {
    capital,
    openInterest,
    expectedShortfall: mean,
    probabilityOfShortfall: (n - countAtOrBelow(sorted, 0)) / n,
    tails,
    solvencyRatio: es99 > 0 ? capital / es99 : Number.POSITIVE_INFINITY,
    probabilityOfDeficit: deficitCount / n,
    expectedDeficit: deficitSum / n,
  };
  return {
    portfolio,
    expectedShortfallStdError: Math.sqrt(variance / n),
    tranches: quotes,
    histogram: histogram(sorted, params, tails[2]?.valueAtRisk ?? 0),
  };
}

function countEqual(sorted: Float64Array, x: number): number {
  // Scenarios sitting exactly on the detachment are wipeouts too (S ≥ D).
  let count = 0;
  for (let i = countAtOrBelow(sorted, x) - 1; i >= 0 && sorted[i] === x; i--) count++;
  return count;
}

function histogram(sorted: Float64Array, params: ModelParams, var999: number): Histogram {
  const bins = params.histogramBins;
  const n = sorted.length;
  let upper = params.histogramMax ?? var999;
  if (!(upper > 0)) upper = sorted[n - 1] as number;
  if (!(upper > 0)) upper = 1;
  const binWidth = upper / bins;
  const counts = new Array<number>(bins).fill(0);
  let zeroCount = 0;
  let overflowCount = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    if (x <= 0) zeroCount++;
    else if (x > upper) overflowCount++;
    else {
      const bin = Math.min(bins - 1, Math.max(0, Math.ceil(x / binWidth) - 1));
      counts[bin] = (counts[bin] as number) + 1;
    }
  }
  return { binWidth, counts, zeroCount, overflowCount };
}
