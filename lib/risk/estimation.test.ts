import { describe, expect, it } from 'vitest';
import { choleskyFactor, stressCorrelation } from './correlation';
import { estimateMarketDynamics } from './estimation';
import { alignHistories, medianSpacing } from './history';
import { Random } from './random';
import { Sampler } from './sampling';
import { ewmaVariance, ewmaVolatility, ewmaVolatilityOfHistory } from './volatility';

function multiply(lower: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (__, j) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += (lower[i * n + k] as number) * (lower[j * n + k] as number);
      return sum;
    }),
  );
}

describe('EWMA volatility', () => {
  it('follows the recursion σ²ₜ = λσ²ₜ₋₁ + (1 − λ)r²ₜ from the mean square of the first returns', () => {
    const returns = [0.01, -0.02, 0.015];
    let v = (0.01 ** 2 + 0.02 ** 2 + 0.015 ** 2) / 3;
    for (const r of returns) v = 0.94 * v + 0.06 * r * r;
    expect(ewmaVariance(returns)).toBeCloseTo(v, 18);
  });

  it('annualises by the sample spacing and recovers a simulated volatility', () => {
    const sampler = new Sampler(new Random(3));
    const hourly = 0.8 / Math.sqrt(8760);
    const prices = [100];
    for (let i = 0; i < 5000; i++) prices.push((prices[i] as number) * Math.exp(hourly * sampler.normal()));
    // λ close to 1 for a low-noise estimate of a constant volatility
    expect(ewmaVolatility(prices, 3600, 0.999)).toBeGreaterThan(0.72);
    expect(ewmaVolatility(prices, 3600, 0.999)).toBeLessThan(0.88);
    const history = prices.map((price, i) => ({ timestamp: 1_000 + 3600 * i, price }));
    expect(ewmaVolatilityOfHistory(history, 0.999)).toBeCloseTo(ewmaVolatility(prices, 3600, 0.999), 12);
  });
});

describe('history alignment', () => {
  it('puts markets on a common grid by last observation carried forward', () => {
    const a = [
      { timestamp: 0, price: 1 },
      { timestamp: 100, price: 2 },
      { timestamp: 250, price: 3 },
    ];
    const b = [
      { timestamp: 50, price: 10 },
      { timestamp: 300, price: 20 },
    ];
    const aligned = alignHistories([a, b], 100);
    expect(aligned.timestamps).toEqual([50, 150, 250]);
    expect(Array.from(aligned.prices[0] as Float64Array)).toEqual([1, 2, 3]);
    expect(Array.from(aligned.prices[1] as Float64Array)).toEqual([10, 10, 10]);
    expect(medianSpacing([0, 10, 20, 21, 31])).toBe(10);
  });

  it('estimates correlation from co-moving markets and falls back without history', () => {
    const sampler = new Sampler(new Random(11));
    const a = [{ timestamp: 0, price: 100 }];
    const b = [{ timestamp: 0, price: 50 }];
    for (let i = 1; i <= 2000; i++) {
      const common = sampler.normal();
      const own = sampler.normal();
      const last = (s: { price: number }[]) => (s[s.length - 1] as { price: number }).price;
      a.push({ timestamp: i * 3600, price: last(a) * Math.exp(0.01 * common) });
      b.push({ timestamp: i * 3600, price: last(b) * Math.exp(0.01 * (0.8 * common + 0.6 * own)) });
    }
    const dynamics = estimateMarketDynamics([a, b], { lambda: 0.995 });
    expect(dynamics.estimated).toBe(true);
    expect(dynamics.correlation[0]?.[1]).toBeGreaterThan(0.7);
    expect(dynamics.correlation[0]?.[1]).toBeLessThan(0.9);
    expect(dynamics.volatilities[0]).toBeGreaterThan(0.01 * Math.sqrt(8760) * 0.85);
    const fallback = estimateMarketDynamics([a.slice(0, 3), b.slice(0, 3)]);
    expect(fallback.estimated).toBe(false);
    expect(fallback.correlation).toEqual([
      [1, 0.6],
      [0.6, 1],
    ]);
  });
});

describe('correlation stress and Cholesky', () => {
  const base = [
    [1, 0.5, -0.2],
    [0.5, 1, 0.3],
    [-0.2, 0.3, 1],
  ];

  it('moves off-diagonals towards 1 and keeps the diagonal', () => {
    const stressed = stressCorrelation(base, 0.5);
    expect(stressed[0]?.[1]).toBeCloseTo(0.75, 15);
    expect(stressed[0]?.[2]).toBeCloseTo(0.4, 15);
    expect(stressed[1]?.[1]).toBe(1);
  });

  it('factorises every stress level, including the singular s = 1', () => {
    for (const s of [0, 0.3, 0.9, 1]) {
      const stressed = stressCorrelation(base, s);
      const factor = choleskyFactor(stressed);
      expect(factor.jitter).toBe(0);
      const product = multiply(factor.lower, 3);
      product.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(stressed[i]?.[j] as number, 12)));
    }
  });

  it('nudges a matrix that is not positive semi-definite with a small jitter', () => {
    const broken = [
      [1, 0.9, -0.2], // smallest eigenvalue ≈ −0.023
      [0.9, 1, 0.3],
      [-0.2, 0.3, 1],
    ];
    const factor = choleskyFactor(broken);
    expect(factor.jitter).toBeGreaterThan(0);
    expect(factor.lower.every(Number.isFinite)).toBe(true);
  });
});
