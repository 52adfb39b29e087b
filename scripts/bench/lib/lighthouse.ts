import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from 'lighthouse';
import { describeExit, type Supervisor } from '../../lib/processes';

const RUNNER = fileURLToPath(new URL('./lighthouseRun.ts', import.meta.url));

/** Lighthouse's default is the mobile preset (Moto G Power, simulated slow 4G and 4× CPU); desktop is its own preset. */
export type LighthousePreset = 'mobile' | 'desktop';

export interface LighthouseRun {
  /** Category scores 0–100. */
  performance: number;
  accessibility: number;
  /** Milliseconds, except CLS (unitless). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's CPU benchmark of this machine: simulated throttling scales by it, so scores vary with load. */
  benchmarkIndex: number;
  lhr: Result;
}

const ATTEMPTS = 3;
const RUN_TIMEOUT_MS = 240_000;

/**
 * Runs Lighthouse once on a fresh headless Chromium (the tests' executable and flags), in a child process, retrying
 * an attempt that crashes, times out or reports a runtime error up to ATTEMPTS times in all. Throws when every attempt failed.
 */
export async function runLighthouse(
  url: string,
  preset: LighthousePreset,
  supervisor: Supervisor,
  log: (message: string) => void,
): Promise<LighthouseRun> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-lighthouse-'));
    const out = path.join(dir, 'lhr.json');
    try {
      const child = supervisor.spawn('lighthouse', process.execPath, ['--import', 'tsx', RUNNER, url, preset, out], {
        tailLines: 20,
      });
      const timer = setTimeout(() => void child.stop(), RUN_TIMEOUT_MS);
      const exit = await child.closed.finally(() => clearTimeout(timer));
      await supervisor.stopChild(child);
      let reason: string;
      if (exit.code === 0) {
        const lhr = JSON.parse(fs.readFileSync(out, 'utf8')) as Result;
        // A runtime error (e.g. NO_NAVSTART, a trace Chromium did not finish) is Lighthouse's "run me again".
        if (!lhr.runtimeError) return summarize(lhr, url);
        reason = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
      } else {
        reason = exit.signal
          ? `stopped after ${RUN_TIMEOUT_MS / 1000} s`
          : child.outputTail().split('\n').at(-1) || describeExit(exit);
      }
      failures.push(reason);
      log(`  (${preset} ${new URL(url).pathname}: attempt ${attempt} failed: ${reason})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`Lighthouse could not measure ${url} (${preset}) in ${ATTEMPTS} attempts: ${failures.join(' | ')}`);
}

function summarize(lhr: Result, url: string): LighthouseRun {
  const score = (category: string) => {
    const value = lhr.categories[category]?.score;
    if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${category} score for ${url}`);
    return Math.round(value * 100);
  };
  const metric = (audit: string) => {
    const value = lhr.audits[audit]?.numericValue;
    if (value === undefined)
      throw new Error(`Lighthouse gave no ${audit} for ${url}: ${lhr.audits[audit]?.errorMessage ?? 'missing'}`);
    return value;
  };
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lhr,
  };
}

/**
 * Why a run lost points: the category's audits that scored below 0.9, weighted ones first, with Lighthouse's own
 * display value (e.g. "Potential savings of 120 KiB"); for accessibility, the failing element selectors too.
 */
export function lostPoints(lhr: Result, category: 'performance' | 'accessibility'): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const lines: string[] = [];
  for (const ref of [...refs].sort((a, b) => b.weight - a.weight)) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    if (
      audit.scoreDisplayMode === 'notApplicable' ||
      audit.scoreDisplayMode === 'manual' ||
      audit.scoreDisplayMode === 'informative'
    )
      continue;
    const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
    lines.push(`${ref.weight > 0 ? `[weight ${ref.weight}] ` : ''}${audit.id} (score ${audit.score})${value}`);
    if (category === 'accessibility') lines.push(...failingNodes(audit).map((node) => `    ${node}`));
    if (audit.id === 'bootup-time' || audit.id === 'mainthread-work-breakdown')
      lines.push(...topCosts(audit).map((cost) => `    ${cost}`));
  }
  return lines;
}

function failingNodes(audit: Result['audits'][string]): string[] {
  const details = audit.details as
    { type?: string; items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined;
  if (details?.type !== 'table' || !details.items) return [];
  return details.items.slice(0, 5).map((item) => item.node?.selector ?? item.node?.snippet ?? '?');
}

/** The three costliest rows of a CPU audit: scripts (bootup-time) or task kinds (mainthread-work-breakdown). */
function topCosts(audit: Result['audits'][string]): string[] {
  const details = audit.details as
    { items?: Array<{ url?: string; groupLabel?: string; total?: number; duration?: number }> } | undefined;
  return (details?.items ?? [])
    .map((item) => ({ what: item.url ?? item.groupLabel ?? '?', ms: item.total ?? item.duration ?? 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((item) => `${Math.round(item.ms)} ms  ${item.what}`);
}
