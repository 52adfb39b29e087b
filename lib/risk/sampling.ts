import type { Random } from './random';

/**
 * Normal and gamma variates from a seeded `Random`, allocation-free.
 *
 * Normals: Marsaglia's polar form of the Box–Muller transform (no sin/cos; one log and one sqrt per pair).
 * The pair (u, v) is uniform on a 2⁻³¹ grid in [−1, 1)² (one 32-bit draw each), which bounds |z| below ≈ 9.3 —
 * far beyond the 1e-6 quantiles the model reads. The second value of each pair is kept for the next call.
 * Gamma: Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; for shape < 1 the
 * boost Γ(α) = Γ(α + 1)·U^{1/α}.
 * The number of uniforms consumed varies with the rejections but is a deterministic function of the seed.
 */
export class Sampler {
  /** [spare normal, 1 if the spare is unused]; a typed array keeps the hot path free of boxed numbers. */
  private readonly spare = new Float64Array(2);

  constructor(private readonly random: Random) {}

  /** A standard normal variate. */
  normal(): number {
    const spare = this.spare;
    if (spare[1] === 1) {
      spare[1] = 0;
      return spare[0] as number;
    }
    const random = this.random;
    let u: number;
    let v: number;
    let s: number;
    do {
      u = random.nextSigned();
      v = random.nextSigned();
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare[0] = v * f;
    spare[1] = 1;
    return u * f;
  }

  /** A uniform variate in (0, 1). */
  uniform(): number {
    let u = this.random.nextDouble();
    while (u === 0) u = this.random.nextDouble();
    return u;
  }

  /** A Gamma(shape, 1) variate, shape > 0. */
  gamma(shape: number): number {
    if (shape < 1) return this.gammaBelowOne(shape);
    return this.gammaAtLeastOne(shape);
  }

  private gammaBelowOne(shape: number): number {
    return this.gammaAtLeastOne(shape + 1) * Math.exp(Math.log(this.uniform()) / shape);
  }

  private gammaAtLeastOne(shape: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** A chi-square variate with `dof` degrees of freedom: 2·Gamma(dof/2). */
  chiSquare(dof: number): number {
    return 2 * this.gamma(0.5 * dof);
  }
}
