import type { PreparedMarkets } from './books';
import { marketReturn } from './marketReturn';

/**
 * The Monte Carlo's hot loop: the shortfalls of one block of scenarios, on the block's own random stream
 * (Random(seed, block)). It draws exactly what ScenarioSampler draws (polar normals with the spare kept across
 * scenarios, then χ²_ν = 2·Gamma(ν/2) by Marsaglia–Tsang), then the scenario's stall draw, moves each market
 * (marketReturn) and liquidates each book as bookShortfall does, with the
 * generator, the normal pairs and the books written out here so that V8 keeps them in registers: no calls that it
 * might not inline, no boxed numbers, no allocation. monteCarlo.test.ts holds it to the readable version bit for bit;
 * scripts/bench/mcKernel.c is its C port for the speed ratio.
 */
export interface KernelSetup {
  markets: PreparedMarkets;
  /** ν of the t copula; Infinity for the Gaussian copula. */
  degreesOfFreedom: number;
  logReturns: boolean;
  maxSlippage: number;
  /** Probability that a scenario's liquidations stall (every market then moves over the stall's longer wait). */
  stallProbability: number;
  /** Per market, its fitted move as a function of the score (marketMove/marginal.ts), or undefined for σ × score. */
  normalTables: (Float64Array | undefined)[];
  stallTables: (Float64Array | undefined)[];
}

/** Scratch the kernel reuses: the generator's state, one scenario's independent normals, the normal pair (also the
 * uniform draws' slot). */
export interface KernelScratch {
  state: Int32Array;
  epsilon: Float64Array;
  pair: Float64Array;
}

export function createKernelScratch(markets: number): KernelScratch {
  return { state: new Int32Array(4), epsilon: new Float64Array(markets), pair: new Float64Array(2) };
}

/**
 * Simulates `count` scenarios of block `block` of the run seeded `seed`: the total shortfall of each into
 * shortfalls[offset …), the sum over the block of each market's shortfall into byMarket[byMarketOffset …) (overwritten).
 */
export function simulateBlock(
  setup: KernelSetup,
  seed: number,
  block: number,
  count: number,
  shortfalls: Float64Array,
  offset: number,
  byMarket: Float64Array,
  byMarketOffset: number,
  scratch: KernelScratch,
): void {
  const { markets, logReturns, maxSlippage, stallProbability, normalTables, stallTables } = setup;
  const dof = setup.degreesOfFreedom;
  const m = markets.count;
  const lower = markets.cholesky.lower;
  const { horizonSigma, stallSigma, longNotional, shortNotional, marginRate, impactPerSqrtNotional } = markets;
  const { state, epsilon, pair } = scratch;
  seedState(state, seed, block);
  const gaussian = dof === Infinity;
  // Gamma(ν/2) by Marsaglia–Tsang: d = shape − 1/3, c = 1/√(9d); ν > 2 keeps the shape above 1.
  const d = 0.5 * dof - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  let spare = 0;
  let hasSpare = false;
  for (let i = 0; i < m; i++) byMarket[byMarketOffset + i] = 0;

  for (let s = 0; s < count; s++) {
    for (let j = 0; j < m; j++) {
      if (hasSpare) {
        epsilon[j] = spare;
        hasSpare = false;
      } else {
        polarPair(state, pair);
        epsilon[j] = pair[0] as number;
        spare = pair[1] as number;
        hasSpare = true;
      }
    }
    let scale = 1;
    if (!gaussian) {
      let gamma: number;
      for (;;) {
        let x: number;
        let v: number;
        do {
          if (hasSpare) {
            x = spare;
            hasSpare = false;
          } else {
            polarPair(state, pair);
            x = pair[0] as number;
            spare = pair[1] as number;
            hasSpare = true;
          }
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        openUniform(state, pair);
        const u = pair[0] as number;
        const x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
          gamma = d * v;
          break;
        }
      }
      scale = Math.sqrt((dof - 2) / (2 * gamma));
    }
    // One stall draw per scenario for every market: congestion holds up every keeper at once.
    let stalled = false;
    if (stallProbability > 0) {
      openUniform(state, pair);
      stalled = (pair[0] as number) < stallProbability;
    }
    const tables = stalled ? stallTables : normalTables;
    const sigmas = stalled ? stallSigma : horizonSigma;

    let total = 0;
    for (let i = 0; i < m; i++) {
      const row = i * m;
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += (lower[row + j] as number) * (epsilon[j] as number);
      const r = marketReturn(tables[i], sum * scale, sigmas[i] as number, logReturns);
      if (r === 0) continue;
      // bookShortfall (books.ts) for the book the move goes against: the longs on a fall, the shorts on a rise.
      const notional = r < 0 ? (longNotional[i] as number) : (shortNotional[i] as number);
      if (notional <= 0) continue;
      const adverse = r < 0 ? -r : r;
      const closing = Math.max(0, notional * (1 + r));
      const slip = Math.min((impactPerSqrtNotional[i] as number) * Math.sqrt(closing), maxSlippage);
      const loss = notional * adverse + slip * closing - (marginRate[i] as number) * notional;
      if (loss > 0) {
        total += loss;
        byMarket[byMarketOffset + i] = (byMarket[byMarketOffset + i] as number) + loss;
      }
    }
    shortfalls[offset + s] = total;
  }
}

/** Random(seed, stream)'s state, written into `state` without allocating (random.ts has the why of each step). */
function seedState(state: Int32Array, seed: number, stream: number): void {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(Math.abs(seed));
  let word =
    (whole >>> 0) ^
    Math.imul(Math.floor(whole / 4294967296) >>> 0, 0x27d4eb2f) ^
    (seed < 0 ? 0x5bd1e995 : 0) ^
    finalise(stream | 0);
  for (let i = 0; i < 4; i++) {
    word = (word + 0x9e3779b9) | 0;
    state[i] = finalise(word);
  }
  if (((state[0] as number) | (state[1] as number) | (state[2] as number) | (state[3] as number)) === 0) state[0] = 1;
}

function finalise(word: number): number {
  let z = word;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** xoshiro128**'s next 32 bits, signed (Random.nextInt32). */
function nextInt32(state: Int32Array): number {
  const s0 = state[0] as number;
  const s1 = state[1] as number;
  const s2 = (state[2] as number) ^ s0;
  const s3 = (state[3] as number) ^ s1;
  const m = Math.imul(s1, 5);
  state[1] = s1 ^ s2;
  state[0] = s0 ^ s3;
  state[2] = s2 ^ (s1 << 9);
  state[3] = (s3 << 11) | (s3 >>> 21);
  return Math.imul((m << 7) | (m >>> 25), 9);
}

/** Random.nextDouble: 53 bits from two draws. */
function nextDouble(state: Int32Array): number {
  const hi = nextInt32(state) >>> 5;
  const lo = nextInt32(state) >>> 6;
  return (hi * 67108864 + lo) * 1.1102230246251565e-16;
}

/**
 * Sampler.uniform, a uniform in (0, 1), into out[0]: written to memory rather than returned so that, if V8 runs
 * out of inlining budget for this call, the double is not boxed on the way back (a heap number per draw).
 */
function openUniform(state: Int32Array, out: Float64Array): void {
  let u = nextDouble(state);
  while (u === 0) u = nextDouble(state);
  out[0] = u;
}

/** One pair of standard normals by the polar method (Sampler.normal): pair[0] is used now, pair[1] is the spare. */
function polarPair(state: Int32Array, pair: Float64Array): void {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = nextInt32(state) * 4.656612873077393e-10;
    v = nextInt32(state) * 4.656612873077393e-10;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const f = Math.sqrt((-2 * Math.log(s)) / s);
  pair[0] = u * f;
  pair[1] = v * f;
}
