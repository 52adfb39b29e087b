import { normalCdf, normalInv } from '../normal';
import { studentTCdf } from '../studentT';
import type { MarketMoveModel } from './model';

/**
 * A market's move over one horizon as tables the engines read (docs/risk-model.md, "One marginal for both engines").
 *
 * `fallLog[k]` / `riseLog[k]`: the adverse log move (a fall for a long, a rise for a short) exceeded with tail
 * probability q_k = Φ(s_k), on the normal-score grid s_k = −6 + k/20, k = 0 … 120 (q from 1e-9 to ½). Moves beyond
 * q = 1e-9 are read as the move at 1e-9.
 */
export interface MoveMarginal {
  fallLog: Float64Array;
  riseLog: Float64Array;
}

const SCORE_MIN = -6;
const SCORE_STEP = 0.05;
export const MARGINAL_POINTS = 121;
/** s_k and q_k = Φ(s_k). */
export const MARGINAL_SCORES = Float64Array.from({ length: MARGINAL_POINTS }, (_, k) => SCORE_MIN + k * SCORE_STEP);
export const MARGINAL_TAIL_PROBABILITIES = MARGINAL_SCORES.map((s) => normalCdf(s));

export function marginalOf(model: MarketMoveModel, horizonHours: number): MoveMarginal {
  const fallLog = new Float64Array(MARGINAL_POINTS);
  const riseLog = new Float64Array(MARGINAL_POINTS);
  for (let k = 0; k < MARGINAL_POINTS; k++) {
    const level = 1 - (MARGINAL_TAIL_PROBABILITIES[k] as number);
    fallLog[k] = model.logMove('fall', level, horizonHours);
    riseLog[k] = model.logMove('rise', level, horizonHours);
  }
  return { fallLog, riseLog };
}

/** The adverse fractional move of a log move: a fall 1 − e^{−L}, a rise e^{L} − 1. */
function adverseFraction(logMove: number, isFall: boolean): number {
  return isFall ? -Math.expm1(-logMove) : Math.expm1(logMove);
}

/**
 * For an adverse move a (fractional) beyond a buffer b ≥ 0: pd = P(a > b) and E[(a − b)⁺], with log moves scaled by
 * `multiplier` (the stress on volatility). The grid runs from q = 1e-9 to ½ on the adverse side's table and on to
 * 1 − 1e-9 on the other side's, mirrored (a fall at tail probability q > ½ is minus the rise at 1 − q). Between grid
 * points the move is linear in the normal score; the expectation is the trapezoid rule over q.
 */
export function adverseTail(
  marginal: MoveMarginal,
  isFall: boolean,
  multiplier: number,
  buffer: number,
): { pd: number; partialExpectation: number } {
  const b = Math.max(0, buffer);
  const own = isFall ? marginal.fallLog : marginal.riseLog;
  const other = isFall ? marginal.riseLog : marginal.fallLog;
  const last = 2 * (MARGINAL_POINTS - 1);
  // Point i of the full grid: score, tail probability, adverse fraction.
  const score = (i: number) =>
    i < MARGINAL_POINTS ? (MARGINAL_SCORES[i] as number) : -(MARGINAL_SCORES[last - i] as number);
  const probability = (i: number) =>
    i < MARGINAL_POINTS
      ? (MARGINAL_TAIL_PROBABILITIES[i] as number)
      : 1 - (MARGINAL_TAIL_PROBABILITIES[last - i] as number);
  const move = (i: number) => {
    const log = i < MARGINAL_POINTS ? (own[i] as number) : -(other[last - i] as number);
    return adverseFraction(multiplier * log, isFall);
  };
  let previous = move(0);
  if (!(previous > b)) return { pd: 0, partialExpectation: 0 };
  let expectation = (previous - b) * probability(0);
  for (let i = 1; i <= last; i++) {
    const here = move(i);
    if (here <= b) {
      // The buffer is crossed between i − 1 and i: interpolate the score, then the probability.
      const t = previous > here ? (previous - b) / (previous - here) : 0;
      const pd = normalCdf(score(i - 1) + t * (score(i) - score(i - 1)));
      expectation += 0.5 * (previous - b) * (pd - probability(i - 1));
      return { pd, partialExpectation: expectation };
    }
    expectation += 0.5 * (previous - b + here - b) * (probability(i) - probability(i - 1));
    previous = here;
  }
  return { pd: probability(last), partialExpectation: expectation };
}

/**
 * The Monte Carlo's lookup: the signed price return (e^{r} − 1) as a function of the copula's unit-variance t score
 * x, tabulated on x = sinh(y), y uniform on [−Y, Y] (fine near 0, coarse in the far tails), so a draw costs one asinh
 * and one linear interpolation. The score's normal score s = Φ⁻¹(F_ν(x/√((ν − 2)/ν))) picks the table entry.
 */
export const T_TABLE_POINTS = 1025;
const T_TABLE_Y = Math.asinh(1000);
export const T_TABLE_STEP = (2 * T_TABLE_Y) / (T_TABLE_POINTS - 1);
export const T_TABLE_MIN_Y = -T_TABLE_Y;

const normalScoresByDof = new Map<number, Float64Array>();

function normalScoresOfTable(dof: number): Float64Array {
  const cached = normalScoresByDof.get(dof);
  if (cached) return cached;
  const scale = dof === Infinity ? 1 : Math.sqrt((dof - 2) / dof);
  const scores = new Float64Array(T_TABLE_POINTS);
  for (let j = 0; j < T_TABLE_POINTS; j++) {
    const x = Math.sinh(T_TABLE_MIN_Y + j * T_TABLE_STEP);
    if (dof === Infinity) {
      scores[j] = x;
      continue;
    }
    // The tail probability of |x| keeps its accuracy far out; the sign says which side.
    const tail = studentTCdf(-Math.abs(x) / scale, dof);
    const s = tail >= 0.5 ? 0 : -normalInv(tail);
    scores[j] = x < 0 ? -s : s;
  }
  normalScoresByDof.set(dof, scores);
  return scores;
}

export function returnTable(marginal: MoveMarginal, dof: number, multiplier: number): Float64Array {
  const scores = normalScoresOfTable(dof);
  const table = new Float64Array(T_TABLE_POINTS);
  for (let j = 0; j < T_TABLE_POINTS; j++) {
    const s = scores[j] as number;
    const logs = s < 0 ? marginal.fallLog : marginal.riseLog;
    const position = Math.min(MARGINAL_POINTS - 1, Math.max(0, (-Math.abs(s) - SCORE_MIN) / SCORE_STEP));
    const k = Math.min(MARGINAL_POINTS - 2, Math.floor(position));
    const t = position - k;
    const adverse = (logs[k] as number) * (1 - t) + (logs[k + 1] as number) * t;
    table[j] = Math.expm1(multiplier * (s < 0 ? -adverse : adverse));
  }
  return table;
}

/** The table's value at a unit-variance t score. */
export function lookupReturn(table: Float64Array, x: number): number {
  let position = (Math.asinh(x) - T_TABLE_MIN_Y) / T_TABLE_STEP;
  if (position <= 0) return table[0] as number;
  if (position >= T_TABLE_POINTS - 1) position = T_TABLE_POINTS - 1.000001;
  const j = Math.floor(position);
  const t = position - j;
  return (table[j] as number) * (1 - t) + (table[j + 1] as number) * t;
}
