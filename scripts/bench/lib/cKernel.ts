import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KernelSetup } from '../../../lib/risk/blockKernel';
import { T_TABLE_MIN_Y, T_TABLE_POINTS, T_TABLE_STEP } from '../../../lib/risk/marketMove/marginal';

const SOURCE = fileURLToPath(new URL('../mcKernel.c', import.meta.url));

export interface CKernelRun {
  /** Median and fastest wall time of the repeats inside the C program. */
  ms: number;
  minMs: number;
  /** The least CPU time of the repeats: steadier than wall time on a machine other processes share. */
  cpuMs: number;
  meanShortfall: number;
  byMarket: number[];
}

/**
 * The C reference of the Monte Carlo kernel (scripts/bench/mcKernel.c), compiled with `cc -O2` into a temporary
 * directory. Null when there is no C compiler (the bench then prints no ratio); throws when compiling fails.
 */
export function compileCKernel(): {
  run: (setup: KernelSetup, seed: number, scenarios: number, repeats: number) => CKernelRun;
  dispose: () => void;
} | null {
  if (spawnSync('cc', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-mckernel-'));
  const binary = path.join(dir, 'mcKernel');
  const build = spawnSync('cc', ['-O2', '-o', binary, SOURCE, '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`cc -O2 mcKernel.c failed:\n${build.stderr}`);
  }
  const run = (setup: KernelSetup, seed: number, scenarios: number, repeats: number): CKernelRun => {
    const { markets } = setup;
    // 17 significant digits round-trip every double exactly through strtod.
    const number = (x: number) => x.toPrecision(17);
    const lines = [
      [
        markets.count,
        setup.degreesOfFreedom === Infinity ? 0 : number(setup.degreesOfFreedom),
        setup.logReturns ? 1 : 0,
        number(setup.maxSlippage),
        number(setup.stallProbability),
        seed,
        scenarios,
        repeats,
        T_TABLE_POINTS,
        number(T_TABLE_MIN_Y),
        number(T_TABLE_STEP),
      ].join(' '),
      ...Array.from({ length: markets.count }, (_, i) => {
        const normal = setup.normalTables[i];
        const stalled = setup.stallTables[i];
        return [
          ...[
            markets.horizonSigma[i],
            markets.stallSigma[i],
            markets.longNotional[i],
            markets.shortNotional[i],
            markets.marginRate[i],
            markets.impactPerSqrtNotional[i],
          ].map((x) => number(x as number)),
          normal && stalled ? 1 : 0,
          ...(normal && stalled ? [...Array.from(normal, number), ...Array.from(stalled, number)] : []),
        ].join(' ');
      }),
      Array.from(markets.cholesky.lower, number).join(' '),
    ];
    const out = spawnSync(binary, [], { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`mcKernel failed: ${out.stderr}`);
    const match = /^ms (\S+) min (\S+) cpu (\S+) mean (\S+) byMarket (.*)$/.exec(out.stdout.trim());
    if (!match) throw new Error(`mcKernel printed ${out.stdout}`);
    return {
      ms: Number(match[1]),
      minMs: Number(match[2]),
      cpuMs: Number(match[3]),
      meanShortfall: Number(match[4]),
      byMarket: (match[5] ?? '').split(' ').map(Number),
    };
  };
  return { run, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
