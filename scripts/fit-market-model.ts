// `npm run fit:market-model -- [--cut YYYY-MM-DD] [--validate-from YYYY-MM-DD] <ASSET=file.csv | file.csv>…`
// Fits the market-move model (docs/risk-model.md, "The market-move model") on hourly `ts,close` files and writes
// lib/risk/marketMove/fitted.ts. Only closes before --cut (default 2024-01-01) are read for fitting; the weights of the
// variance components and the pooling are chosen on --validate-from … --cut (default 2022-01-01) with a fit on what
// comes before. A file named like eth_usd_1h.csv is asset ETH unless given as ASSET=path.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { christoffersenPValue, kupiecPValue, transitionCounts } from '../lib/risk/coverageTests';
import {
  BODY_LEVELS,
  FITTED_HORIZONS,
  HILL_MIN_RETURNS,
  VARIANCE_LAMBDAS,
  WINDOW_CLOSES,
} from '../lib/risk/marketMove/constants';
import { isContiguous, parseHourlyCsv, type HourlySeries } from '../lib/risk/marketMove/hourlyCsv';
import type { AssetFit, HorizonFit } from '../lib/risk/marketMove/types';
import { logReturnsOf, readWindow } from '../lib/risk/marketMove/window';

const COMPONENTS = VARIANCE_LAMBDAS.length;
const SELECTION_LEVELS = [0.95, 0.99, 0.999];
const POOLING = [0, 0.25, 0.5, 0.75, 1];
const TAIL_LEVEL = 0.999;
/** First close whose window may forecast: the EWMA has had a day of returns. */
const FIRST_FORECAST = 24;
const OUTPUT = path.join(process.cwd(), 'lib/risk/marketMove/fitted.ts');

interface Input {
  asset: string;
  file: string;
  sha256: string;
  series: HourlySeries;
  /** Component variances of the window ending at each close, COMPONENTS per close. */
  variances: Float64Array;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cut = dateFlag(args, '--cut', '2024-01-01');
  const validateFrom = dateFlag(args, '--validate-from', '2022-01-01');
  const files = args.filter((a) => !a.startsWith('--') && !/^\d{4}-\d{2}-\d{2}$/.test(a));
  if (files.length === 0)
    throw new Error('Usage: npm run fit:market-model -- [--cut 2024-01-01] ETH=eth.csv BTC=btc.csv …');
  const inputs = files.map((arg) => load(arg, cut));
  const weightGrid = simplexGrid(COMPONENTS, 4);
  log(`fitting on closes before ${iso(cut)}; choosing weights and pooling on ${iso(validateFrom)} … ${iso(cut)}`);

  const choices = FITTED_HORIZONS.map((hours) => {
    let best: { weights: number[]; pooling: number; score: number } | undefined;
    for (const weights of weightGrid) {
      const z = inputs.map((input) => standardisedMoves(input, hours, weights));
      for (const pooling of POOLING) {
        const score = validationScore(z, hours, pooling, validateFrom);
        if (!best || score < best.score - 1e-9) best = { weights, pooling, score };
      }
    }
    if (!best) throw new Error('no weights to choose from');
    log(
      `  ${String(hours).padStart(2)} h: weights ${best.weights.join('/')} pooling ${best.pooling} (score ${best.score.toFixed(1)})`,
    );
    return { hours, ...best };
  });

  const hourWeights = (choices[0] as (typeof choices)[number]).weights;
  const fits: AssetFit[] = [];
  const perAsset = inputs.map((input) => choices.map((c) => standardisedMoves(input, c.hours, c.weights)));
  const windowTailIndex = inputs.map((input) => meanWindowTailIndex(input, hourWeights));
  const pooledTailIndex = mean(windowTailIndex.flatMap((t) => (Number.isFinite(t.mean) ? [t.mean] : [])));
  for (let a = -1; a < inputs.length; a++) {
    const horizons = choices.map((choice, h): HorizonFit => {
      const pooled = sortedPooled(perAsset.map((moves) => moves[h] as Moves));
      const own = a < 0 ? pooled : sorted((perAsset[a] as Moves[])[h] as Moves);
      const pooling = a < 0 ? 1 : choice.pooling;
      const side = (sign: 1 | -1) => BODY_LEVELS.map((p) => blend(own, pooled, pooling, sign, p));
      const tail = (sign: 1 | -1) => {
        const z99 = blend(own, pooled, pooling, sign, BODY_LEVELS[BODY_LEVELS.length - 1] as number);
        const z999 = blend(own, pooled, pooling, sign, TAIL_LEVEL);
        return Math.log(z999 / z99) / Math.log((1 - 0.99) / (1 - TAIL_LEVEL));
      };
      return {
        hours: choice.hours,
        weights: choice.weights,
        fall: side(-1).map(round),
        rise: side(1).map(round),
        fallTailIndex: round(tail(-1)),
        riseTailIndex: round(tail(1)),
      };
    });
    const meanTail = a < 0 ? pooledTailIndex : (windowTailIndex[a] as { mean: number }).mean;
    fits.push({ asset: a < 0 ? '*' : (inputs[a] as Input).asset, meanWindowTailIndex: round(meanTail), horizons });
  }
  const source = render(fits, inputs, cut, validateFrom, choices);
  fs.writeFileSync(OUTPUT, await format(source, { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT }));
  log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
}

type Moves = { z: Float64Array; t: Float64Array };

/** ln(P_{k+h}/P_k) / (σ_k·√h) for every close k with h hours after it and no gap, and the close's time. */
function standardisedMoves(input: Input, hours: number, weights: readonly number[]): Moves {
  const { closes, timestamps } = input.series;
  const z: number[] = [];
  const t: number[] = [];
  for (let k = FIRST_FORECAST; k + hours < closes.length; k++) {
    if (!isContiguous(input.series, k, hours)) continue;
    let variance = 0;
    for (let c = 0; c < COMPONENTS; c++)
      variance += (weights[c] as number) * (input.variances[k * COMPONENTS + c] as number);
    if (!(variance > 0)) continue;
    z.push(Math.log((closes[k + hours] as number) / (closes[k] as number)) / Math.sqrt(variance * hours));
    t.push(timestamps[k] as number);
  }
  return { z: Float64Array.from(z), t: Float64Array.from(t) };
}

/** Σ −log₁₀ p over Kupiec and Christoffersen, both sides, SELECTION_LEVELS, every asset: smaller is better. */
function validationScore(moves: Moves[], hours: number, pooling: number, from: number): number {
  const fitted = moves.map((m) => sorted(select(m, (t) => t < from)));
  const pooled = sortedPooled(moves.map((m) => select(m, (t) => t < from)));
  let score = 0;
  moves.forEach((m, a) => {
    const test = nonOverlapping(
      select(m, (t) => t >= from),
      hours,
    );
    for (const level of SELECTION_LEVELS) {
      for (const sign of [1, -1] as const) {
        const threshold = blend(fitted[a] as Float64Array, pooled, pooling, sign, level);
        const exceptions = Array.from(test, (z) => (sign * z > threshold ? 1 : 0));
        const x = exceptions.reduce<number>((s, e) => s + e, 0);
        const pK = kupiecPValue(x, exceptions.length, 1 - level);
        const pC = christoffersenPValue(transitionCounts(exceptions));
        score -= Math.log10(Math.max(pK, 1e-15)) + Math.log10(Math.max(pC, 1e-15));
      }
    }
  });
  return score;
}

/** The adverse standardised quantile of one side: sign 1 the rise (q(p)), −1 the fall (−q(1 − p)). */
function blend(own: Float64Array, pooled: Float64Array, pooling: number, sign: 1 | -1, level: number): number {
  const p = sign === 1 ? level : 1 - level;
  return sign * ((1 - pooling) * quantileOfSorted(own, p) + pooling * quantileOfSorted(pooled, p));
}

function select(moves: Moves, keep: (t: number) => boolean): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < moves.z.length; i++) if (keep(moves.t[i] as number)) out.push(moves.z[i] as number);
  return Float64Array.from(out);
}

function nonOverlapping(z: Float64Array, hours: number): Float64Array {
  return z.filter((_, i) => i % hours === 0);
}

function sorted(values: Moves | Float64Array): Float64Array {
  const array = values instanceof Float64Array ? values : values.z;
  return Float64Array.from(array).sort();
}

function sortedPooled(values: (Moves | Float64Array)[]): Float64Array {
  const parts = values.map((v) => (v instanceof Float64Array ? v : v.z));
  const all = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all.sort();
}

/** Linear interpolation between order statistics (the usual "type 7" sample quantile). */
function quantileOfSorted(values: Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const position = p * (values.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(values.length - 1, lower + 1);
  const weight = position - lower;
  return (values[lower] as number) * (1 - weight) + (values[upper] as number) * weight;
}

function meanWindowTailIndex(input: Input, hourWeights: readonly number[]): { mean: number; windows: number } {
  let sum = 0;
  let windows = 0;
  const { closes } = input.series;
  const returns = logReturnsOf(closes);
  // Every 24th window: the Hill estimate of overlapping 720-hour windows changes slowly.
  for (let k = HILL_MIN_RETURNS + 24; k < closes.length; k += 24) {
    const state = readWindow(returns, Math.max(0, k + 1 - WINDOW_CLOSES), k, hourWeights);
    if (Number.isFinite(state.windowTailIndex)) {
      sum += state.windowTailIndex;
      windows++;
    }
  }
  return { mean: windows > 0 ? sum / windows : Number.NaN, windows };
}

function load(arg: string, cut: number): Input {
  const match = /^([A-Za-z0-9]+)=(.+)$/.exec(arg);
  const file = match ? (match[2] as string) : arg;
  const asset = (match ? (match[1] as string) : (/^[a-z0-9]+/i.exec(path.basename(file))?.[0] ?? 'X')).toUpperCase();
  const text = fs.readFileSync(file, 'utf8');
  const full = parseHourlyCsv(text, path.basename(file));
  const keep = full.timestamps.findIndex((t) => t >= cut);
  const end = keep < 0 ? full.timestamps.length : keep;
  const series = { timestamps: full.timestamps.slice(0, end), closes: full.closes.slice(0, end) };
  const variances = new Float64Array(series.closes.length * COMPONENTS);
  const equal = VARIANCE_LAMBDAS.map(() => 1 / COMPONENTS);
  const returns = logReturnsOf(series.closes);
  for (let k = 1; k < series.closes.length; k++) {
    const state = readWindow(returns, Math.max(0, k + 1 - WINDOW_CLOSES), k, equal);
    variances.set(state.variances, k * COMPONENTS);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  log(
    `  ${asset}: ${path.basename(file)}, ${series.closes.length} closes ${iso(series.timestamps[0] as number)} … ${iso(series.timestamps[end - 1] as number)}`,
  );
  return { asset, file: path.basename(file), sha256, series, variances };
}

function simplexGrid(dimensions: number, steps: number): number[][] {
  const out: number[][] = [];
  const recurse = (prefix: number[], left: number) => {
    if (prefix.length === dimensions - 1) return out.push([...prefix, left / steps]);
    for (let i = 0; i <= left; i++) recurse([...prefix, i / steps], left - i);
  };
  recurse([], steps);
  return out;
}

function render(
  fits: AssetFit[],
  inputs: Input[],
  cut: number,
  validateFrom: number,
  choices: { hours: number; weights: number[]; pooling: number; score: number }[],
): string {
  const provenance = inputs
    .map(
      (i) =>
        ` * - ${i.asset}: ${i.file} (sha256 ${i.sha256.slice(0, 16)}…), ${i.series.closes.length} hourly closes ${iso(i.series.timestamps[0] as number)} … ${iso(i.series.timestamps[i.series.timestamps.length - 1] as number)}`,
    )
    .join('\n');
  const chosen = choices
    .map((c) => ` * - ${c.hours} h: weights ${c.weights.join('/')}, pooling ${c.pooling}`)
    .join('\n');
  return `// Generated by scripts/fit-market-model.ts: do not edit by hand (docs/risk-model.md, "The market-move model").
import type { AssetFit } from './types';

/**
 * Fitted on hourly closes before ${iso(cut)} only (what follows is the out-of-sample test):
${provenance}
 * Weights and pooling chosen on ${iso(validateFrom)} … ${iso(cut)} with a fit on the closes before it:
${chosen}
 */
export const FITTED_ASSETS: readonly AssetFit[] = ${JSON.stringify(fits, null, 2)};
`;
}

function dateFlag(args: string[], flag: string, fallback: string): number {
  const index = args.indexOf(flag);
  const value = index >= 0 ? args[index + 1] : fallback;
  const seconds = Date.parse(`${value}T00:00:00Z`) / 1000;
  if (!Number.isFinite(seconds)) throw new Error(`${flag} must be a date YYYY-MM-DD, got ${value}`);
  return seconds;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

function log(message: string): void {
  console.log(message);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
