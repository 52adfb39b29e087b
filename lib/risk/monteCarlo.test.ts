import { describe, expect, it } from 'vitest';
import { analyticQuote } from './analytic';
import { bookShortfall } from './books';
import { choleskyFactor } from './correlation';
import { NO_STRESS, withDefaults } from './defaults';
import { createBuffers, runMonteCarlo, simulateShortfalls } from './monteCarlo';
import { normalCdf, normalInv, normalPdf } from './normal';
import { ScenarioSampler } from './scenarioSampler';
import { summariseShortfalls } from './summary';
import type { RiskInputs, TailFigure } from './types';
import { vasicekExcessLoss, vasicekExpectedShortfall } from './vasicek';
import { MarketMoveModel } from './marketMove/model';
import { syntheticCloses } from './marketMove/testSeries';

const DAYS = 365;
const HORIZON = 1 / 24;
/** The annual volatility whose horizon σ is `sigma`. */
const annual = (sigma: number) => sigma / Math.sqrt(HORIZON / DAYS);

function market(name: string, overrides: Partial<RiskInputs['markets'][number]> = {}): RiskInputs['markets'][number] {
  return {
    name,
    longNotional: 3e6,
    shortNotional: 2e6,
    maintenanceMarginRate: 0.05,
    liquidationImpact: 0.1,
    liquidityDepth: 5e6,
    volatility: 0.7,
    ...overrides,
  };
}

const THREE: RiskInputs = {
  markets: [
    market('ETH'),
    market('BTC', {
      longNotional: 4e6,
      shortNotional: 3e6,
      liquidationImpact: 0.08,
      liquidityDepth: 1e7,
      volatility: 0.55,
    }),
    market('SOL', {
      longNotional: 1e6,
      shortNotional: 5e5,
      maintenanceMarginRate: 0.1,
      liquidationImpact: 0.15,
      liquidityDepth: 1e6,
      volatility: 0.9,
    }),
  ],
  correlation: [
    [1, 0.8, 0.7],
    [0.8, 1, 0.65],
    [0.7, 0.65, 1],
  ],
  // thin enough that the mezzanine is reached in the tail
  tranches: [
    { id: 0, name: 'Junior', capital: 30_000 },
    { id: 1, name: 'Mezzanine', capital: 60_000 },
    { id: 2, name: 'Senior', capital: 300_000 },
  ],
};

describe('liquidation of a book', () => {
  it('pays the adverse move plus square-root slippage beyond the maintenance margin', () => {
    // long 1,000,000 at 5 % maintenance, price −8 %: loss 80,000, closing notional 920,000,
    // slip = 0.1·√(920,000/4,000,000) = 4.796 %, cost 44,122; shortfall = 80,000 + 44,122 − 50,000
    const k = 0.1 / Math.sqrt(4e6);
    const expected = 80_000 + 0.1 * Math.sqrt(0.23) * 920_000 - 50_000;
    expect(bookShortfall(1e6, 0.05, k, 0.5, -0.08, true)).toBeCloseTo(expected, 6);
    expect(bookShortfall(1e6, 0.05, k, 0.5, 0.08, true)).toBe(0); // favourable for a long
    expect(bookShortfall(1e6, 0.05, 0, 0.5, 0.03, false)).toBe(0); // within the margin
    expect(bookShortfall(1e6, 0.05, 100, 0.5, 0.01, false)).toBeCloseTo(10_000 + 0.5 * 1.01e6 - 50_000, 6); // slip capped
  });
});

describe('Monte Carlo engine', () => {
  it('is bit-for-bit reproducible for a seed', () => {
    const a = createBuffers(20_000, 3);
    const b = createBuffers(20_000, 3);
    simulateShortfalls(THREE, NO_STRESS, { scenarios: 20_000, seed: 5 }, a);
    simulateShortfalls(THREE, NO_STRESS, { scenarios: 20_000, seed: 5 }, b);
    expect(Buffer.from(a.shortfalls.buffer).equals(Buffer.from(b.shortfalls.buffer))).toBe(true);
    expect(runMonteCarlo(THREE, NO_STRESS, { scenarios: 20_000, seed: 5 })).toEqual(
      runMonteCarlo(THREE, NO_STRESS, { scenarios: 20_000, seed: 5 }),
    );
    const c = createBuffers(20_000, 3);
    simulateShortfalls(THREE, NO_STRESS, { scenarios: 20_000, seed: 6 }, c);
    expect(Buffer.from(a.shortfalls.buffer).equals(Buffer.from(c.shortfalls.buffer))).toBe(false);
  });

  it('matches the Gaussian VaR and ES of a single position: σz_q and σφ(z_q)/(1 − q)', () => {
    const sigma = 0.02;
    const inputs: RiskInputs = {
      markets: [
        market('X', {
          longNotional: 1,
          shortNotional: 0,
          maintenanceMarginRate: 0,
          liquidationImpact: 0,
          volatility: annual(sigma),
        }),
      ],
      correlation: [[1]],
      tranches: [{ id: 0, name: 'All', capital: 1 }],
    };
    const result = runMonteCarlo(inputs, NO_STRESS, {
      scenarios: 400_000,
      seed: 1,
      params: { degreesOfFreedom: Infinity, returns: 'simple', stallProbability: 0 },
    });
    for (const tail of result.portfolio.tails) {
      const z = normalInv(tail.level);
      const tolerance = tail.level > 0.99 ? 0.04 : 0.02;
      expect(Math.abs(tail.valueAtRisk / (sigma * z) - 1)).toBeLessThan(tolerance);
      expect(Math.abs(tail.expectedShortfall / ((sigma * normalPdf(z)) / (1 - tail.level)) - 1)).toBeLessThan(
        tolerance,
      );
    }
    // mean of max(0, −σZ) = σφ(0), within three standard errors
    expect(Math.abs(result.portfolio.expectedShortfall - sigma * normalPdf(0))).toBeLessThan(
      3 * result.expectedShortfallStdError,
    );
  });

  it('reproduces the Vasicek LHP in the Gaussian one-factor limit within three standard errors', () => {
    // The engine's sampler with ν = ∞ and one factor Y; the loss of an infinitely granular pool given Y is
    // L(Y) = Φ((Φ⁻¹(pd) + √ρ·Y)/√(1 − ρ)); the engine's summary reads it through the waterfall.
    const pd = 0.03;
    const rho = 0.2;
    const n = 200_000;
    const sampler = new ScenarioSampler(choleskyFactor([[1]]), Infinity, 77);
    const y = new Float64Array(1);
    const losses = new Float64Array(n);
    const c = normalInv(pd);
    for (let i = 0; i < n; i++) {
      sampler.next(y);
      losses[i] = normalCdf((c + Math.sqrt(rho) * (y[0] as number)) / Math.sqrt(1 - rho));
    }
    losses.sort();
    const layers: [number, number][] = [
      [0, 0.03],
      [0.03, 0.1],
      [0.1, 1],
    ];
    const summary = summariseShortfalls(
      losses,
      layers.map(([a, d], id) => ({ id, name: `t${id}`, capital: d - a })),
      1,
      withDefaults(),
    );
    summary.tranches.forEach((tranche, i) => {
      const [a, d] = layers[i] as [number, number];
      const exact = vasicekExcessLoss(pd, rho, a) - vasicekExcessLoss(pd, rho, d);
      expect(Math.abs(tranche.expectedLoss - exact)).toBeLessThanOrEqual(3 * tranche.expectedLossStdError + 1e-15);
    });
    expect(Math.abs(summary.portfolio.expectedShortfall - pd)).toBeLessThan(3 * summary.expectedShortfallStdError);
    const es99 = summary.portfolio.tails[1]?.expectedShortfall as number;
    expect(Math.abs(es99 / vasicekExpectedShortfall(pd, rho, 0.99) - 1)).toBeLessThan(0.02);
  });

  it("agrees with the analytic path's expected loss (the mapping preserves EL), Gaussian and t", () => {
    const inputs = { ...THREE, markets: THREE.markets.map((m) => ({ ...m, liquidationImpact: 0 })) };
    for (const degreesOfFreedom of [Infinity, 4]) {
      const params = { degreesOfFreedom, returns: 'simple' as const };
      const stress = { ...NO_STRESS, volatilityMultiplier: 4 }; // enough volatility for frequent shortfalls
      const mc = runMonteCarlo(inputs, stress, { scenarios: 200_000, seed: 3, params });
      const analytic = analyticQuote(inputs, stress, params);
      expect(mc.portfolio.probabilityOfShortfall).toBeGreaterThan(0.001);
      expect(Math.abs(mc.portfolio.expectedShortfall - analytic.portfolio.expectedShortfall)).toBeLessThan(
        3 * mc.expectedShortfallStdError,
      );
    }
  });

  it('charges more for higher volatility and for correlation stress', () => {
    const options = { scenarios: 50_000, seed: 9 };
    const base = runMonteCarlo(THREE, NO_STRESS, options);
    const volatile = runMonteCarlo(THREE, { ...NO_STRESS, volatilityMultiplier: 1.5 }, options);
    const correlated = runMonteCarlo(THREE, { ...NO_STRESS, correlationStress: 0.9 }, options);
    base.tranches.forEach((tranche, i) => {
      if (tranche.fairPremiumApr === 0) return;
      expect(volatile.tranches[i]?.fairPremiumApr).toBeGreaterThan(tranche.fairPremiumApr);
    });
    // Correlation moves loss from the first-loss tranche into the tail: the senior tranche's premium rises (the junior's
    // may fall, as in any tranched credit portfolio), and so does the portfolio's extreme tail.
    const senior = (r: typeof base) => r.tranches[2]?.fairPremiumApr as number;
    expect(senior(base)).toBeGreaterThan(0);
    expect(senior(correlated)).toBeGreaterThan(senior(base));
    expect(correlated.portfolio.tails[2]?.expectedShortfall).toBeGreaterThan(
      base.portfolio.tails[2]?.expectedShortfall as number,
    );

    const analytic = analyticQuote(THREE);
    expect(
      analyticQuote(THREE, { ...NO_STRESS, volatilityMultiplier: 1.5 }).tranches[0]?.fairPremiumApr,
    ).toBeGreaterThan(analytic.tranches[0]?.fairPremiumApr as number);
    const analyticCorrelated = analyticQuote(THREE, { ...NO_STRESS, correlationStress: 0.9 });
    expect(analyticCorrelated.mapping.rho).toBeGreaterThan(analytic.mapping.rho);
    expect(analyticCorrelated.tranches[2]?.fairPremiumApr).toBeGreaterThan(
      analytic.tranches[2]?.fairPremiumApr as number,
    );
  });

  it('ranks Junior ≥ Mezzanine ≥ Senior in expected loss per unit of capital', () => {
    const stress = { ...NO_STRESS, volatilityMultiplier: 2 };
    for (const result of [runMonteCarlo(THREE, stress, { scenarios: 50_000, seed: 4 }), analyticQuote(THREE, stress)]) {
      const [junior, mezzanine, senior] = result.tranches.map((t) => t.expectedLossRate) as [number, number, number];
      expect(junior).toBeGreaterThanOrEqual(mezzanine);
      expect(mezzanine).toBeGreaterThanOrEqual(senior);
      expect(junior).toBeGreaterThan(0);
    }
  });

  it('reports a consistent portfolio picture', () => {
    const result = runMonteCarlo(THREE, NO_STRESS, { scenarios: 50_000, seed: 2 });
    const [p95, p99, p999] = result.portfolio.tails as [TailFigure, TailFigure, TailFigure];
    expect(p95.valueAtRisk).toBeLessThanOrEqual(p99.valueAtRisk);
    expect(p99.valueAtRisk).toBeLessThanOrEqual(p999.valueAtRisk);
    expect(p99.expectedShortfall).toBeGreaterThanOrEqual(p99.valueAtRisk);
    expect(result.portfolio.solvencyRatio).toBeCloseTo(390_000 / p99.expectedShortfall, 10);
    const h = result.histogram;
    expect(h.counts.reduce((a, b) => a + b, 0) + h.zeroCount + h.overflowCount).toBe(50_000);
    const byMarket = result.expectedShortfallByMarket.reduce((a, b) => a + b, 0);
    expect(byMarket).toBeCloseTo(result.portfolio.expectedShortfall, 6);
    const total = result.tranches.reduce((sum, t) => sum + t.expectedLoss, 0) + result.portfolio.expectedDeficit;
    expect(total).toBeCloseTo(result.portfolio.expectedShortfall, 6);
    expect(result.tranches[0]?.attachment).toBe(0);
    expect(result.tranches[1]?.attachment).toBe(30_000);
    expect(result.tranches[2]?.detachmentOfOpenInterest).toBeCloseTo(390_000 / 13.5e6, 12);
  });
});

describe("each tranche's own loss tail", () => {
  const stress = { ...NO_STRESS, volatilityMultiplier: 2 };

  it('splits the portfolio tail through the waterfall, level by level (Monte Carlo)', () => {
    const result = runMonteCarlo(THREE, stress, { scenarios: 50_000, seed: 7 });
    const capital = result.portfolio.capital;
    result.portfolio.tails.forEach((portfolioTail, i) => {
      const figures = result.tranches.map((t) => t.tails[i] as TailFigure);
      for (const f of figures) expect(f.level).toBe(portfolioTail.level);
      // The layers stack: their VaRs add up to the shortfall's VaR, capped at the capital they hold together.
      const varSum = figures.reduce((sum, f) => sum + f.valueAtRisk, 0);
      expect(varSum).toBeCloseTo(Math.min(portfolioTail.valueAtRisk, capital), 6);
      // ES is linear in the loss: the layers' ES plus the deficit's equal the shortfall's ES.
      const esSum = figures.reduce((sum, f) => sum + f.expectedShortfall, 0);
      expect(esSum).toBeLessThanOrEqual(portfolioTail.expectedShortfall + 1e-6);
      result.tranches.forEach((t, j) => {
        const f = figures[j] as TailFigure;
        expect(f.valueAtRisk).toBeLessThanOrEqual(t.capital);
        expect(f.expectedShortfall).toBeGreaterThanOrEqual(f.valueAtRisk - 1e-9);
        expect(f.expectedShortfall).toBeLessThanOrEqual(t.capital + 1e-9);
      });
    });
    // Junior is hit in this tail; its 99 % ES is the quote's tail loss at the UL level (99 %).
    const junior = result.tranches[0];
    expect(junior?.tails[1]?.expectedShortfall).toBeGreaterThan(0);
    expect(junior?.tails[1]?.expectedShortfall).toBeCloseTo(junior?.tailLoss ?? Number.NaN, 9);
  });

  it('agrees between the engines on a tranche the 99 % tail reaches', () => {
    const mc = runMonteCarlo(THREE, stress, { scenarios: 100_000, seed: 11 });
    const analytic = analyticQuote(THREE, stress);
    const analyticJunior = analytic.tranches[0];
    // The analytic tranche tail is the LHP's, read at the portfolio's own VaR: the same construction as its tail loss.
    expect(analyticJunior?.tails[1]?.expectedShortfall).toBeCloseTo(analyticJunior?.tailLoss ?? Number.NaN, 9);
    analytic.portfolio.tails.forEach((portfolioTail, i) => {
      const varSum = analytic.tranches.reduce((sum, t) => sum + (t.tails[i]?.valueAtRisk ?? Number.NaN), 0);
      expect(varSum).toBeCloseTo(Math.min(portfolioTail.valueAtRisk, analytic.portfolio.capital), 6);
    });
    // Mezzanine is reached inside the 99 % tail: the engines agree there within a tenth of its capital.
    const [mcMezzanine, anMezzanine] = [mc, analytic].map((r) => r.tranches[1]?.tails[1] as TailFigure);
    expect(mcMezzanine?.valueAtRisk).toBeGreaterThan(0);
    expect(Math.abs((mcMezzanine?.valueAtRisk ?? 0) - (anMezzanine?.valueAtRisk ?? Infinity))).toBeLessThan(6_000);
    expect(Math.abs((mcMezzanine?.expectedShortfall ?? 0) - (anMezzanine?.expectedShortfall ?? Infinity))).toBeLessThan(
      6_000,
    );
  });
});

describe('engines on fitted marginals', () => {
  const withModel: RiskInputs = {
    ...THREE,
    markets: THREE.markets.map((m, i) => ({
      ...m,
      moveModel: MarketMoveModel.fromCloses(syntheticCloses(720, 20 + i, 0.012), m.name).toState(),
    })),
  };

  it('agree on the expected loss: both read the same marginal', () => {
    const stress = { ...NO_STRESS, volatilityMultiplier: 3 };
    const params = { positionsPerBook: 1 };
    const mc = runMonteCarlo(withModel, stress, { scenarios: 200_000, seed: 5, params });
    const analytic = analyticQuote(withModel, stress, params);
    expect(mc.portfolio.probabilityOfShortfall).toBeGreaterThan(0.001);
    const gap = Math.abs(mc.portfolio.expectedShortfall - analytic.portfolio.expectedShortfall);
    // Three standard errors plus 2 % for the tables' interpolation and the analytic path's pre-move slippage.
    expect(gap).toBeLessThan(3 * mc.expectedShortfallStdError + 0.02 * analytic.portfolio.expectedShortfall);
  });

  it('lose more when liquidations may stall, and nothing extra when they never do', () => {
    const never = runMonteCarlo(withModel, NO_STRESS, { scenarios: 50_000, seed: 2, params: { stallProbability: 0 } });
    const often = runMonteCarlo(withModel, NO_STRESS, {
      scenarios: 50_000,
      seed: 2,
      params: { stallProbability: 0.2 },
    });
    expect(often.portfolio.expectedShortfall).toBeGreaterThan(never.portfolio.expectedShortfall);
    const analyticNever = analyticQuote(withModel, NO_STRESS, { stallProbability: 0 });
    const analyticOften = analyticQuote(withModel, NO_STRESS, { stallProbability: 0.2 });
    expect(analyticOften.portfolio.expectedShortfall).toBeGreaterThan(analyticNever.portfolio.expectedShortfall);
  });

  it('refuse a stall shorter than the horizon or a probability outside [0, 1)', () => {
    expect(() => analyticQuote(withModel, NO_STRESS, { stallHours: 0.5 })).toThrow(/stallHours/);
    expect(() => analyticQuote(withModel, NO_STRESS, { stallProbability: 1 })).toThrow(/stallProbability/);
  });
});
