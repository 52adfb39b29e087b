import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from './bivariateNormal';
import { gaussLegendre, integrate } from './gaussLegendre';
import { normalCdf, normalInv, normalPdf } from './normal';
import { Random } from './random';
import { Sampler } from './sampling';
import { lnGamma, regularizedIncompleteBeta } from './specialFunctions';
import { studentTCdf, studentTInv } from './studentT';

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 12);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });

  it('inverts Φ to full precision', () => {
    expect(normalInv(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalInv(0.5)).toBe(0);
    expect(normalInv(0.001)).toBeCloseTo(-3.090232306167814, 12);
    for (const p of [1e-300, 1e-12, 0.02, 0.02425, 0.3, 0.7, 0.99, 1 - 1e-12]) {
      const x = normalInv(p);
      const back = p < 0.5 ? normalCdf(x) / p : (1 - normalCdf(x)) / (1 - p);
      expect(back).toBeCloseTo(1, 9);
    }
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(1.5)).toBeNaN();
  });
});

describe('Student t distribution', () => {
  it('matches t₅ tables', () => {
    expect(studentTInv(0.95, 5)).toBeCloseTo(2.015048373, 8);
    expect(studentTInv(0.975, 5)).toBeCloseTo(2.570581836, 8);
    expect(studentTInv(0.99, 5)).toBeCloseTo(3.364929997, 8);
    expect(studentTInv(0.995, 5)).toBeCloseTo(4.032142984, 8);
    expect(studentTCdf(2.570581836, 5)).toBeCloseTo(0.975, 9);
    expect(studentTCdf(-3.364929997, 5)).toBeCloseTo(0.01, 9);
  });

  it('agrees with the closed forms for ν = 1 and 2', () => {
    for (const t of [-30, -2, -0.3, 0, 0.7, 5]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });

  it('inverts its cdf across the range, including far tails and fractional ν', () => {
    for (const dof of [2.5, 3, 4, 7.3, 30, 1e4]) {
      for (const p of [1e-12, 1e-4, 0.01, 0.3, 0.5, 0.8, 0.999]) {
        const t = studentTInv(p, dof);
        const back = p < 0.5 ? studentTCdf(t, dof) / p : (1 - studentTCdf(t, dof)) / (1 - p);
        expect(back).toBeCloseTo(1, 9);
      }
    }
  });

  it('tends to the normal as ν grows and is the normal at ν = ∞', () => {
    expect(studentTInv(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTCdf(1.3, Infinity)).toBe(normalCdf(1.3));
  });

  it('rests on an accurate ln Γ and incomplete beta', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(lnGamma(3.7)).toBeCloseTo(1.4280723266653883, 13);
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 14); // 1 − (1 − x)^4 − 4x(1 − x)^3
  });
});

describe('bivariate normal', () => {
  it('is the product at ρ = 0', () => {
    for (const [h, k] of [
      [0.3, -1.2],
      [-2, -2],
      [1.5, 0.4],
    ] as const) {
      expect(bivariateNormalCdf(h, k, 0)).toBeCloseTo(normalCdf(h) * normalCdf(k), 15);
    }
  });

  it('matches the closed form at the origin for every ρ', () => {
    for (const rho of [-0.9999999, -0.99, -0.93, -0.5, 0.2, 0.9, 0.925, 0.95, 0.999, 0.99999999]) {
      expect(bivariateNormalCdf(0, 0, rho)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 14);
    }
  });

  it('tends to Φ(min(h, k)) as ρ → 1 and to (Φ(h) + Φ(k) − 1)⁺ as ρ → −1', () => {
    expect(bivariateNormalCdf(0.5, -0.2, 1)).toBe(normalCdf(-0.2));
    expect(bivariateNormalCdf(0.5, -0.2, 1 - 1e-12)).toBeCloseTo(normalCdf(-0.2), 10);
    expect(bivariateNormalCdf(-1, -1.0000001, 1 - 1e-14)).toBeCloseTo(normalCdf(-1.0000001), 6);
    expect(bivariateNormalCdf(0.5, 0.8, -1 + 1e-12)).toBeCloseTo(normalCdf(0.5) + normalCdf(0.8) - 1, 10);
    expect(bivariateNormalCdf(-0.5, 0.2, -1)).toBe(0);
  });

  it('agrees with direct numeric integration of φ(x)·Φ((k − ρx)/√(1 − ρ²))', () => {
    const rule = gaussLegendre(20);
    for (const rho of [-0.95, -0.6, 0.35, 0.8, 0.93, 0.97]) {
      for (const [h, k] of [
        [0.5, 0.4],
        [-1, -1.3],
        [1.5, -0.3],
        [-2.3, -1.9],
        [0.2, 0.215],
      ] as const) {
        const s = Math.sqrt(1 - rho * rho);
        let reference = 0;
        for (let x = -12; x < h; x += 0.05) {
          reference += integrate(rule, x, Math.min(x + 0.05, h), (u) => normalPdf(u) * normalCdf((k - rho * u) / s));
        }
        expect(Math.abs(bivariateNormalCdf(h, k, rho) - reference)).toBeLessThan(1e-13);
      }
    }
  });
});

describe('seeded random numbers', () => {
  it('gives the same stream for the same seed and a different one otherwise', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const streamA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(streamA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(streamA);
  });

  it('pins the first outputs (reproducible across machines: 32-bit integer arithmetic only)', () => {
    const r = new Random(12345);
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    expect(first.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    // Cross-checked against an independent big-integer implementation of xoshiro128** with this seeding.
    expect(first).toEqual([518667457, 440444462, 4232892992]);
  });

  it('gives each stream of a seed its own sequence; stream 0 is the plain seed', () => {
    const draw = (random: Random) => Array.from({ length: 4 }, () => random.nextUint32());
    expect(draw(new Random(12345, 0))).toEqual([518667457, 440444462, 4232892992, draw(new Random(12345)).at(-1)]);
    const streams = [1, 2, 3, 4096].map((stream) => draw(new Random(12345, stream)));
    expect(new Set(streams.map((s) => s.join())).size).toBe(4);
    expect(streams.every((s) => !s.includes(518667457))).toBe(true);
    expect(draw(new Random(12345, 2))).toEqual(streams[1]);
    expect(() => new Random(1, -1)).toThrow(RangeError);
    expect(() => new Random(1, 2 ** 32)).toThrow(RangeError);
  });

  it('samples normals and chi-squares with the right moments', () => {
    const sampler = new Sampler(new Random(99));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    let chi = 0;
    for (let i = 0; i < n; i++) {
      const z = sampler.normal();
      sum += z;
      squares += z * z;
      fourth += z ** 4;
      chi += sampler.chiSquare(4);
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(squares / n).toBeCloseTo(1, 1.5);
    expect(fourth / n).toBeGreaterThan(2.85);
    expect(fourth / n).toBeLessThan(3.15);
    expect(chi / n).toBeCloseTo(4, 1);
    const u = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const x = u.nextDouble();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
