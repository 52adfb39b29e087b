import { parseUnits } from 'viem';
import { MARKETS, ORACLE_DECIMALS } from './params';
import type { Rng } from './rng';

/** Daily volatilities (ETH, BTC, SOL) and their correlation, loosely like the real majors. */
export const DAILY_VOL = [0.035, 0.03, 0.05] as const;
const CORRELATION = [
  [1, 0.8, 0.75],
  [0.8, 1, 0.7],
  [0.75, 0.7, 1],
];
const CHOLESKY = cholesky(CORRELATION);
const T_DOF = 5;
/** Scales a Student-t draw to unit variance. */
const T_SCALE = Math.sqrt((T_DOF - 2) / T_DOF);

/**
 * Correlated log-normal random walk of the three oracle prices. `step(days)` scales the volatility by
 * sqrt(days), so the seed's daily moves and the simulator's few-second moves come from one model.
 */
export class PriceWalk {
  readonly prices: number[];

  constructor(
    private readonly rng: Rng,
    initial: readonly number[] = MARKETS.map((m) => m.price),
  ) {
    this.prices = [...initial];
  }

  step(days: number, driftPerDay: readonly number[] = [0, 0, 0]): number[] {
    const z = [0, 1, 2].map(() => this.rng.studentT(T_DOF) * T_SCALE);
    for (let i = 0; i < 3; i++) {
      let shock = 0;
      for (let j = 0; j <= i; j++) shock += CHOLESKY[i]![j]! * z[j]!;
      const vol = DAILY_VOL[i]! * Math.sqrt(days);
      const logReturn = (driftPerDay[i] ?? 0) * days - (vol * vol) / 2 + vol * shock;
      // A floor keeps a wild seed from walking a price to zero.
      this.prices[i] = Math.max(
        this.prices[i]! * Math.exp(Math.max(-0.5, Math.min(0.5, logReturn))),
        MARKETS[i]!.price * 0.05,
      );
    }
    return [...this.prices];
  }

  /** Applies fixed multiplicative moves (the crash's hourly moves). */
  shock(factors: readonly number[]): number[] {
    for (let i = 0; i < 3; i++) this.prices[i] = this.prices[i]! * (factors[i] ?? 1);
    return [...this.prices];
  }
}

/** Oracle answer (8 decimals) for a float price, rounded to 4 significant-ish decimals so logs stay readable. */
export function toAnswer(price: number): bigint {
  return parseUnits(price.toFixed(4), ORACLE_DECIMALS);
}

export function fromAnswer(answer: bigint): number {
  return Number(answer) / 10 ** ORACLE_DECIMALS;
}

function cholesky(m: number[][]): number[][] {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(sum) : sum / l[j]![j]!;
    }
  }
  return l;
}
