import fs from 'node:fs';
import path from 'node:path';
import { envSchema, requireEnv } from '../../lib/chain/env';
import { describeExit, type ManagedProcess, type Supervisor } from './processes';
import { waitUntilReady } from './processReady';

/** Inputs of `next build`: a change to any of them makes the existing build stale. */
const BUILD_INPUT_DIRS = ['app', 'components', 'lib'];
const BUILD_INPUT_FILES = [
  'package-lock.json',
  'next.config.ts',
  'next.config.mjs',
  'next.config.js',
  'proxy.ts',
  'postcss.config.mjs',
  'postcss.config.js',
  'tsconfig.json',
];

/**
 * Why a build is needed, or undefined when .next/BUILD_ID is newer than every input. BUILD_ID carries the time its
 * build started (`markBuildStart`), so a file saved while `next build` ran, which that build may not have seen, makes
 * the build stale.
 */
export function staleBuildReason(root: string): string | undefined {
  const buildId = path.join(root, distDir(), 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'no build yet';
  const builtAt = fs.statSync(buildId).mtimeMs;
  const inputs = [
    ...BUILD_INPUT_DIRS.flatMap((dir) => filesUnder(path.join(root, dir))),
    ...BUILD_INPUT_FILES.map((file) => path.join(root, file)).filter((file) => fs.existsSync(file)),
  ];
  const newer = inputs.find((file) => fs.statSync(file).mtimeMs > builtAt);
  return newer ? `${path.relative(root, newer)} changed since the last build` : undefined;
}

/** Dates the finished build in `root` to when it started reading its inputs. */
export function markBuildStart(root: string, startedAtMs: number): void {
  const seconds = startedAtMs / 1000;
  fs.utimesSync(path.join(root, distDir(), 'BUILD_ID'), seconds, seconds);
}

export interface BuildAppOptions {
  root: string;
  supervisor: Supervisor;
}

/** Runs `next build`; its output is shown only if it fails, so it does not drown the chain's progress. */
export async function buildApp(options: BuildAppOptions): Promise<void> {
  const startedAt = Date.now();
  const { exit, tail } = await options.supervisor.run('next build', nextBin(options.root), ['build'], {
    cwd: options.root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    tailLines: 200,
  });
  if (exit.code !== 0) throw new Error(`next build failed (${describeExit(exit)}):\n${tail}`);
  markBuildStart(options.root, startedAt);
}

export interface StartAppOptions {
  root: string;
  port: number;
  supervisor: Supervisor;
  /** Extra environment for the server: BACKSTOP_RPC_URL, BACKSTOP_CHAIN_ID, BACKSTOP_DEPLOYMENT. */
  env: Record<string, string>;
  /** Receives the server's own log lines. */
  onLine?: (line: string) => void;
  /** How long the server may neither use CPU nor print while it does not answer yet (default 30 s). */
  stallMs?: number;
  /** A critical server (the default) stops the whole stack if it dies; a test harness reports it instead. */
  critical?: boolean;
}

export interface RunningApp {
  url: string;
  process: ManagedProcess;
  stop: () => Promise<void>;
}

/** Serves the built app with `next start` and resolves once it answers HTTP. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env };
  // The app would show its configuration page for a bad variable; the stack stops here instead, with the same message.
  requireEnv(envSchema, env);
  const child = options.supervisor.spawn('next start', nextBin(options.root), ['start', '-p', String(options.port)], {
    cwd: options.root,
    env,
    onLine: options.onLine,
    critical: options.critical ?? true,
  });
  const url = `http://localhost:${options.port}`;
  await waitForHttp(`http://127.0.0.1:${options.port}/`, child, options.stallMs ?? 30_000);
  return { url, process: child, stop: () => options.supervisor.stopChild(child) };
}

async function waitForHttp(url: string, child: ManagedProcess, stallMs: number): Promise<void> {
  await waitUntilReady({
    what: `next start on ${url}`,
    child,
    stallMs,
    // Any HTTP answer, even an error page, means the server is up; the page itself is the tests' business.
    ready: () =>
      fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) }).then(
        () => true,
        () => false,
      ),
  });
}

/** Where `next build` writes: next.config.js reads the same variable. */
export function distDir(): string {
  return process.env.BACKSTOP_DIST_DIR || '.next';
}

function nextBin(root: string): string {
  return path.join(root, 'node_modules', '.bin', 'next');
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
