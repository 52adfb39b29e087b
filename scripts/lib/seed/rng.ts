import { keccak256, stringToHex } from 'viem';

/** A seeded PRNG (mulberry32): tiny, fast and identical on every machine, so a seed replays the same history. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream per purpose, so adding a draw in one place does not reshuffle the others. */
  static stream(seed: number, label: string): Rng {
    return new Rng(Number.parseInt(keccak256(stringToHex(`${seed}:${label}`)).slice(2, 10), 16));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Log-uniform: sizes spread evenly across orders of magnitude. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.uniform(Math.log(min), Math.log(max)));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Student-t with `dof` degrees of freedom, for fat-tailed daily moves. */
  studentT(dof: number): number {
    let chi2 = 0;
    for (let i = 0; i < dof; i++) chi2 += this.normal() ** 2;
    return this.normal() / Math.sqrt(chi2 / dof);
  }
}
