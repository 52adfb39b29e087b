import { describe, expect, it } from 'vitest';
import { gaussLegendre, integrate } from './gaussLegendre';
import { normalCdf, normalInv, normalPdf } from './normal';
import {
  vasicekExceedanceProbability,
  vasicekExcessLoss,
  vasicekExpectedShortfall,
  vasicekLossQuantile,
  vasicekTrancheExpectedLoss,
} from './vasicek';

/** E[g(L)] by integrating over the factor Y on [−10, 10] in 0.1-wide 20-point panels. */
function overFactor(pd: number, rho: number, g: (loss: number) => number, from = -10): number {
  const rule = gaussLegendre(20);
  const c = normalInv(pd);
  let sum = 0;
  for (let y = from; y < 10; y += 0.1) {
    sum += integrate(
      rule,
      y,
      y + 0.1,
      (u) => normalPdf(u) * g(normalCdf((c + Math.sqrt(rho) * u) / Math.sqrt(1 - rho))),
    );
  }
  return sum;
}

describe('Vasicek loss quantile', () => {
  it('collapses to pd as ρ → 0', () => {
    expect(vasicekLossQuantile(0.02, 0, 0.999)).toBe(0.02);
    expect(vasicekLossQuantile(0.02, 1e-12, 0.999)).toBeCloseTo(0.02, 6); // shift ≈ φ(c)·√ρ·Φ⁻¹(q) ≈ 1.5e-7
  });

  it('is Φ(Φ⁻¹(pd)/√(1 − ρ)) at the median and symmetric in q around it', () => {
    const pd = 0.05;
    const rho = 0.3;
    expect(vasicekLossQuantile(pd, rho, 0.5)).toBeCloseTo(normalCdf(normalInv(pd) / Math.sqrt(1 - rho)), 15);
    const up = normalInv(vasicekLossQuantile(pd, rho, 0.9));
    const down = normalInv(vasicekLossQuantile(pd, rho, 0.1));
    const mid = normalInv(vasicekLossQuantile(pd, rho, 0.5));
    expect(up - mid).toBeCloseTo(mid - down, 12);
    expect(vasicekLossQuantile(0.5, rho, 0.5)).toBeCloseTo(0.5, 15);
  });

  it('is the inverse of the exceedance probability', () => {
    const k = vasicekLossQuantile(0.03, 0.2, 0.99);
    expect(vasicekExceedanceProbability(0.03, 0.2, k)).toBeCloseTo(0.01, 12);
  });
});

describe('LHP tranche losses', () => {
  const pd = 0.04;
  const rho = 0.25;

  it('E[(L − k)⁺] matches numeric integration over the factor', () => {
    for (const k of [0, 0.01, 0.05, 0.2, 0.6]) {
      // start the integration at the factor level where L crosses k, so no panel straddles the kink
      const from = k === 0 ? -10 : (Math.sqrt(1 - rho) * normalInv(k) - normalInv(pd)) / Math.sqrt(rho);
      expect(vasicekExcessLoss(pd, rho, k)).toBeCloseTo(
        overFactor(pd, rho, (l) => Math.max(l - k, 0), from),
        12,
      );
    }
    expect(vasicekExcessLoss(pd, rho, 0)).toBeCloseTo(pd, 14);
  });

  it('tranches [0, a₁], [a₁, a₂], [a₂, 1] weighted by width sum to the portfolio EL = pd', () => {
    const a1 = 0.03;
    const a2 = 0.12;
    const total =
      a1 * vasicekTrancheExpectedLoss(pd, rho, 0, a1) +
      (a2 - a1) * vasicekTrancheExpectedLoss(pd, rho, a1, a2) +
      (1 - a2) * vasicekTrancheExpectedLoss(pd, rho, a2, 1);
    expect(total).toBeCloseTo(pd, 14);
  });

  it('junior ≥ mezzanine ≥ senior in expected loss per unit of width', () => {
    const junior = vasicekTrancheExpectedLoss(pd, rho, 0, 0.03);
    const mezzanine = vasicekTrancheExpectedLoss(pd, rho, 0.03, 0.12);
    const senior = vasicekTrancheExpectedLoss(pd, rho, 0.12, 1);
    expect(junior).toBeGreaterThan(mezzanine);
    expect(mezzanine).toBeGreaterThan(senior);
  });

  it('ES matches numeric integration of the top factor tail', () => {
    const q = 0.99;
    const es = overFactor(pd, rho, (l) => l, normalInv(q)) / (1 - q);
    // the integration grid starts at Φ⁻¹(q) and steps 0.1 to 10: close enough to the ES with the upper limit cut
    expect(vasicekExpectedShortfall(pd, rho, q)).toBeCloseTo(es, 8);
    expect(vasicekExpectedShortfall(pd, rho, q)).toBeGreaterThan(vasicekLossQuantile(pd, rho, q));
  });

  it('handles the limits ρ = 0 and ρ = 1', () => {
    expect(vasicekTrancheExpectedLoss(0.1, 0, 0, 0.05)).toBe(1);
    expect(vasicekTrancheExpectedLoss(0.1, 0, 0.2, 0.5)).toBe(0);
    expect(vasicekTrancheExpectedLoss(0.1, 1, 0.2, 0.5)).toBeCloseTo(0.1, 15);
  });
});
