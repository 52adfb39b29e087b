import type { CholeskyFactor } from './correlation';
import { Random } from './random';
import { Sampler } from './sampling';

/**
 * Correlated, unit-variance Student-t draws (a multivariate t, hence a t copula with t marginals):
 *   ε ~ N(0, I),  z = L·ε,  W ~ χ²_ν,  x = z · √((ν − 2) / W).
 * z/√(W/ν) is multivariate t_ν with scale matrix LLᵀ; the factor √((ν − 2)/ν) rescales its variance ν/(ν − 2) to 1,
 * so σ keeps its meaning as the standard deviation. One W per scenario is shared by all markets: a calm or wild
 * period hits every market at once (tail dependence). ν = Infinity gives the Gaussian copula (W ≡ ν).
 * next() allocates nothing. `stream` picks the seed's stream (Random), one per block of scenarios.
 *
 * This is the readable statement of the Monte Carlo's draws; blockKernel.ts inlines the same draws for speed and
 * is tested to give bit-identical scenarios.
 */
export class ScenarioSampler {
  private readonly sampler: Sampler;
  private readonly epsilon: Float64Array;
  private readonly lower: Float64Array;
  private readonly size: number;

  constructor(
    cholesky: CholeskyFactor,
    private readonly degreesOfFreedom: number,
    seed: number,
    stream = 0,
  ) {
    if (!(degreesOfFreedom > 2)) throw new RangeError(`degrees of freedom must exceed 2, got ${degreesOfFreedom}`);
    this.sampler = new Sampler(new Random(seed, stream));
    this.size = cholesky.size;
    this.lower = cholesky.lower;
    this.epsilon = new Float64Array(cholesky.size);
  }

  /** A uniform draw in [0, 1) from the same stream (the scenario's stall draw). */
  uniform(): number {
    return this.sampler.uniform();
  }

  /** Fills out[0..size) with one scenario's standardised moves. */
  next(out: Float64Array): void {
    const n = this.size;
    const epsilon = this.epsilon;
    const lower = this.lower;
    const sampler = this.sampler;
    for (let j = 0; j < n; j++) epsilon[j] = sampler.normal();
    const dof = this.degreesOfFreedom;
    const scale = dof === Infinity ? 1 : Math.sqrt((dof - 2) / sampler.chiSquare(dof));
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += (lower[row + j] as number) * (epsilon[j] as number);
      out[i] = sum * scale;
    }
  }
}
