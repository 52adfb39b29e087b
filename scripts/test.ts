// `npm test [-- lint contracts unit e2e]`: every suite in order, then one line "N passed, N failed" over all of them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { LOCAL_CHAIN_ID } from '../lib/protocol/chain';
import { buildApp, staleBuildReason, startApp } from './lib/app';
import { buildContracts } from './lib/contracts';
import { deployAll } from './lib/deploy';
import { deploymentPath } from './lib/deployment';
import { findFreePort } from './lib/ports';
import { startFaultControl } from './lib/faultControl';
import { describeError, describeExit, Supervisor, type ExitInfo } from './lib/processes';
import { RestartableAnvil } from './lib/restartableAnvil';
import { RestartableIndexer } from './lib/restartableIndexer';
import { historyWindow, seedHistory } from './lib/seed';

const SUITES = ['lint', 'contracts', 'unit', 'e2e'] as const;
type Suite = (typeof SUITES)[number];

/** The e2e chain is seeded with a fixed seed and has no simulator, so what the page shows is deterministic. */
const E2E_SEED = 1;

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

async function runEndToEnd(): Promise<SuiteResult> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-e2e-'));
  const removeWorkDir = async () => fs.rmSync(workDir, { recursive: true, force: true });
  supervisor.onShutdown('e2e work directory', removeWorkDir);
  const stack: Array<() => Promise<void>> = [];
  try {
    // Never the default ports: a running `npm start` keeps its chain, app and deployments/31337.json.
    const anvilPort = await findFreePort();
    let appPort = await findFreePort();
    while (appPort === anvilPort) appPort = await findFreePort();
    let indexerPort = await findFreePort();
    while (indexerPort === anvilPort || indexerPort === appPort) indexerPort = await findFreePort();

    // allSettled, not all: a failed build must not leave the seeding running past this suite's teardown.
    const [chain, build] = await Promise.allSettled([
      (async () => {
        await buildContracts({ root, supervisor });
        const history = historyWindow();
        // Restartable: e2e/faults.spec.ts stops anvil and the indexer for real through the fault control below.
        const anvil = await RestartableAnvil.start({
          port: anvilPort,
          supervisor,
          root,
          genesisTimestamp: history.genesisTimestamp,
          stateFile: path.join(workDir, 'anvil-state.json'),
        });
        stack.push(() => anvil.dispose());
        log(`✓ contracts compiled, anvil up at ${anvil.rpcUrl}`);
        const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir: workDir });
        log(`✓ deployed to ${deploymentPath(workDir, deployment.chainId)}`);
        const seeded = await seedHistory({
          rpcUrl: anvil.rpcUrl,
          deployment,
          seed: E2E_SEED,
          endTime: history.endTime,
          log: (m) => log(`  [seed] ${m}`),
        });
        log(`✓ seeded ${seeded.txCount} txs over ${seeded.days} days (seed ${E2E_SEED})`);
        const deploymentFile = deploymentPath(workDir, deployment.chainId);
        const backfillStarted = performance.now();
        // Waited for while it makes progress, without a fixed limit (scripts/lib/indexer.ts, INDEXER_STALL_MS).
        const indexer = await RestartableIndexer.start({
          root,
          supervisor,
          rpcUrl: anvil.rpcUrl,
          chainId: LOCAL_CHAIN_ID,
          deploymentFile,
          port: indexerPort,
          databaseDir: path.join(workDir, 'indexer-db'),
          log,
        });
        stack.push(() => indexer.dispose());
        log(`✓ indexer caught up at ${indexer.url} in ${secondsSince(backfillStarted)} s`);
        return { anvil, rpcUrl: anvil.rpcUrl, deploymentFile, indexer };
      })(),
      (async () => {
        const reason = staleBuildReason(root);
        if (!reason) return log('✓ app build is up to date');
        log(`… next build (${reason})`);
        await buildApp({ root, supervisor });
        log('✓ app built');
      })(),
    ]);
    if (chain.status === 'rejected' || build.status === 'rejected') {
      const reasons = [chain, build].flatMap((o) => (o.status === 'rejected' ? [describeError(o.reason)] : []));
      throw new Error(reasons.join('\n'));
    }
    const { anvil, rpcUrl, deploymentFile, indexer } = chain.value;

    const app = await startApp({
      root,
      port: appPort,
      supervisor,
      env: {
        BACKSTOP_RPC_URL: rpcUrl,
        BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
        BACKSTOP_DEPLOYMENT: deploymentFile,
        BACKSTOP_INDEXER_URL: indexer.url,
        BACKSTOP_EXPLORER_URL: 'http://explorer.invalid',
      },
      onLine: (line) => {
        if (line.trim()) log(`[app] ${line}`);
      },
      critical: false,
    });
    stack.push(app.stop);
    log(`✓ app served at ${app.url}`);
    const control = await startFaultControl(await findFreePort(), { anvil, indexer }, log);
    stack.push(control.stop);

    const report = path.join(workDir, 'playwright.json');
    // BACKSTOP_E2E_ARGS narrows a run while working on one spec, e.g. "e2e/health.spec.ts --grep banner".
    const extraArgs = (process.env.BACKSTOP_E2E_ARGS ?? '').split(/\s+/).filter(Boolean);
    const { exit } = await supervisor.run('playwright', bin('playwright'), ['test', ...extraArgs], {
      cwd: root,
      env: toolEnv({
        BASE_URL: app.url,
        BACKSTOP_RPC_URL: rpcUrl,
        BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID),
        BACKSTOP_DEPLOYMENT: deploymentFile,
        BACKSTOP_INDEXER_URL: indexer.url,
        BACKSTOP_E2E_REPORT: report,
        BACKSTOP_E2E_CONTROL_URL: control.url,
      }),
      onLine: log,
    });
    const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
    const summary = json && { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
    const result = settle('e2e', exit, summary);
    // A stop through the fault control is planned and not a crash, but the stack must be whole again afterwards.
    const crashes = [
      [
        'next start',
        app.process.hasExited ? { exit: await app.process.exited, tail: app.process.outputTail() } : undefined,
      ],
      ['anvil', await anvil.crash()],
      ['the indexer', await indexer.crash()],
    ] as const;
    for (const [name, crash] of crashes) {
      if (!crash) continue;
      const problem = `${name} died during the tests (${describeExit(crash.exit)}):\n${crash.tail}`;
      return { ...result, failed: Math.max(result.failed, 1), problem };
    }
    for (const [name, service] of [
      ['anvil', anvil],
      ['the indexer', indexer],
    ] as const) {
      if (service.running) continue;
      return {
        ...result,
        failed: Math.max(result.failed, 1),
        problem: `${name} was stopped by a test and not started again.`,
      };
    }
    return result;
  } finally {
    for (const stop of stack.reverse()) await stop();
    await removeWorkDir();
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
