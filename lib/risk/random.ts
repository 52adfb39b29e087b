/**
 * A seeded pseudo-random generator that gives the same stream on every run, machine and JavaScript engine:
 * xoshiro128** (Blackman & Vigna, 2018) on 32-bit integer arithmetic (Math.imul, shifts), seeded by
 * running a SplitMix32-style mixer over the seed. No floating point enters the state.
 *
 * `stream` selects one of 2³² independent-looking streams of a seed (the Monte Carlo's blocks of scenarios): the
 * mixer's finaliser scrambles it into the mixer's starting word, so nearby stream numbers start far apart. Stream 0
 * is the seed's plain stream.
 */
export class Random {
  /** The 128-bit state; a typed array so V8 never boxes the 32-bit words. */
  private readonly state = new Int32Array(4);

  /** `seed` is any finite number; its integer part (up to 2⁵³) selects the stream. */
  constructor(seed: number, stream = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    if (!(Number.isInteger(stream) && stream >= 0 && stream < 4294967296)) {
      throw new RangeError(`stream must be an integer in [0, 2³²), got ${stream}`);
    }
    const whole = Math.trunc(Math.abs(seed));
    let state =
      (whole >>> 0) ^
      Math.imul(Math.floor(whole / 4294967296) >>> 0, 0x27d4eb2f) ^
      (seed < 0 ? 0x5bd1e995 : 0) ^
      finalise(stream | 0);
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      return finalise(state);
    };
    const s = this.state;
    for (let i = 0; i < 4; i++) s[i] = next();
    if (((s[0] as number) | (s[1] as number) | (s[2] as number) | (s[3] as number)) === 0) s[0] = 1; // fixed point
  }

  /** The next 32 random bits as an unsigned integer in [0, 2³²). */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** The next 32 random bits as a signed integer in [−2³¹, 2³¹). */
  nextInt32(): number {
    const s = this.state;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = (s[2] as number) ^ s0;
    const s3 = (s[3] as number) ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result | 0;
  }

  /** A uniform double in [−1, 1) on a 2⁻³¹ grid (one 32-bit draw): the polar normal sampler's input. */
  nextSigned(): number {
    return this.nextInt32() * 4.656612873077393e-10; // / 2^31
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * 1.1102230246251565e-16; // / 2^53
  }
}

/** The mixer's finaliser (MurmurHash3's fmix32): a bijection of 32-bit words with finalise(0) = 0. */
function finalise(word: number): number {
  let z = word;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}
