// `npm test [-- lint contracts unit e2e]`: every suite in order, then one line "N passed, N failed" over all of them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { describeError, describeExit, Supervisor, type ExitInfo } from './lib/processes';

const SUITES = ['lint', 'contracts', 'unit', 'e2e'] as const;
type Suite = (typeof SUITES)[number];

interface SuiteResult {
  suite: Suite;
  passed: number;
  failed: number;
  /** Why the suite counts a failure that no test reported (it crashed, or its setup failed). */
  problem?: string;
}

const root = process.cwd();
const log = (message: string) => console.log(message);
const supervisor = new Supervisor(log);
const colour = Boolean(process.stdout.isTTY);

async function main(): Promise<void> {
  const suites = selectedSuites(process.argv.slice(2));
  const results: SuiteResult[] = [];
  for (const suite of suites) {
    const startedAt = performance.now();
    log(`\n━━ ${suite} ━━`);
    const result = await runSuite(suite);
    results.push(result);
    log(`━━ ${suite}: ${result.passed} passed, ${result.failed} failed in ${secondsSince(startedAt)} s`);
    if (result.problem) log(`   ✗ ${result.problem}`);
  }

  log('');
  for (const result of results) log(`${result.suite.padEnd(9)} ${result.passed} passed, ${result.failed} failed`);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

function selectedSuites(args: string[]): Suite[] {
  if (args.length === 0) return [...SUITES];
  const unknown = args.filter((arg) => !SUITES.includes(arg as Suite));
  if (unknown.length > 0) {
    throw new Error(`Unknown suite ${unknown.join(', ')}. Usage: npm test [-- ${SUITES.join(' ')}]`);
  }
  return SUITES.filter((suite) => args.includes(suite));
}

async function runSuite(suite: Suite): Promise<SuiteResult> {
  try {
    if (suite === 'lint') return await runLint();
    if (suite === 'contracts') return await runContracts();
    if (suite === 'unit') return await runUnit();
    return await runEndToEnd();
  } catch (error) {
    return { suite, passed: 0, failed: 1, problem: describeError(error) };
  }
}

/** ESLint over the repository (eslint.config.mjs): a file with any problem, warnings included, counts as failed. */
async function runLint(): Promise<SuiteResult> {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-eslint-'));
  const report = path.join(reportDir, 'eslint.json');
  try {
    log('eslint . (the JSON report is summarised below; `npm run lint` prints each problem)');
    const { exit } = await supervisor.run('eslint', bin('eslint'), ['.', '--format', 'json', '--output-file', report], {
      cwd: root,
      env: toolEnv(),
      onLine: log,
    });
    const files =
      readJson<Array<{ filePath: string; messages: Array<{ line: number; ruleId: string | null; message: string }> }>>(
        report,
      );
    if (!files) return settle('lint', exit, undefined);
    const failing = files.filter((file) => file.messages.length > 0);
    for (const file of failing) {
      for (const m of file.messages)
        log(`  ${path.relative(root, file.filePath)}:${m.line}  ${m.ruleId ?? ''}  ${m.message.split('\n')[0]}`);
    }
    const lint = settle('lint', exit, { passed: files.length - failing.length, failed: failing.length });
    // Formatting: Prettier lists the files it would change ("[warn] path"); each one fails.
    const unformatted: string[] = [];
    await supervisor.run('prettier', bin('prettier'), ['--check', '.'], {
      cwd: root,
      env: toolEnv(),
      onLine: (line) => {
        const file = /^\[warn\] (.+)$/.exec(stripVTControlCharacters(line))?.[1];
        if (file && !file.startsWith('Code style issues')) unformatted.push(file);
      },
    });
    for (const file of unformatted) log(`  ${file}  not formatted (npm run format)`);
    return { ...lint, failed: lint.failed + unformatted.length };
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
}

async function runContracts(): Promise<SuiteResult> {
  log(`forge test (FOUNDRY_PROFILE=${process.env.FOUNDRY_PROFILE || 'default'})`);
  let summary: { passed: number; failed: number } | undefined;
  const { exit } = await supervisor.run('forge test', bin('forge'), ['test', '--color', colour ? 'always' : 'never'], {
    cwd: path.join(root, 'contracts'),
    onLine: (line) => {
      log(line);
      // "Ran 4 test suites in 1.2s (…): 31 tests passed, 0 failed, 0 skipped (31 total tests)"
      const match = /(\d+) tests? passed, (\d+) failed/.exec(stripVTControlCharacters(line));
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
    },
  });
  return settle('contracts', exit, summary);
}

async function runUnit(): Promise<SuiteResult> {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-vitest-'));
  const report = path.join(reportDir, 'vitest.json');
  try {
    log('vitest run');
    const { exit } = await supervisor.run(
      'vitest',
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      { cwd: root, env: toolEnv(), onLine: log },
    );
    const json = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
    return settle('unit', exit, json && { passed: json.numPassedTests, failed: json.numFailedTests });
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
}

/** Playwright boots and tears down the stack itself (e2e/support/globalSetup.ts); a broken stack fails its run. */
async function runEndToEnd(): Promise<SuiteResult> {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-playwright-'));
  const report = path.join(reportDir, 'playwright.json');
  try {
    // BACKSTOP_E2E_ARGS narrows a run while working on one spec, e.g. "e2e/health.spec.ts --grep banner".
    const extraArgs = (process.env.BACKSTOP_E2E_ARGS ?? '').split(/\s+/).filter(Boolean);
    const { exit } = await supervisor.run('playwright', bin('playwright'), ['test', ...extraArgs], {
      cwd: root,
      env: toolEnv({ BACKSTOP_E2E_REPORT: report }),
      onLine: log,
      // On Ctrl-C here, the runner's teardown stops anvil, the indexer and next (each given 5 s) before it exits.
      stopGraceMs: 30_000,
    });
    const json = readJson<{
      stats: { expected: number; unexpected: number; flaky: number };
      errors: Array<{ message?: string }>;
    }>(report);
    const summary = json && { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
    const result = settle('e2e', exit, summary);
    // Errors outside any test: the stack did not start, or its teardown found a service dead or left stopped.
    const errors = (json?.errors ?? []).map((error) => stripVTControlCharacters(error.message ?? 'unknown error'));
    if (errors.length === 0) return result;
    return { ...result, failed: Math.max(result.failed, 1), problem: errors.join('\n') };
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
}

/** A suite that exits non-zero without a failing test still counts one failure, so the total never hides it. */
function settle(suite: Suite, exit: ExitInfo, summary: { passed: number; failed: number } | undefined): SuiteResult {
  if (!summary) {
    return { suite, passed: 0, failed: 1, problem: `no test summary found (${describeExit(exit)})` };
  }
  if (exit.code !== 0 && summary.failed === 0) {
    return { ...summary, suite, failed: 1, problem: `failed outside any test (${describeExit(exit)})` };
  }
  return { ...summary, suite };
}

function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...(colour ? { FORCE_COLOR: '1' } : {}), ...extra };
}

function bin(name: string): string {
  return path.join(root, 'node_modules', '.bin', name);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

main().catch((error) => supervisor.shutdown(1, `✗ ${describeError(error)}`));
