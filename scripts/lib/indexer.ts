import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { createPublicClient, http } from 'viem';
import { readDeployment } from './deployment';
import { cpuSeconds } from './processCpu';
import { describeExit, type ManagedProcess, type Supervisor } from './processes';
import { waitWhileProgressing } from './progressWait';

export interface StartIndexerOptions {
  root: string;
  supervisor: Supervisor;
  rpcUrl: string;
  chainId: number;
  deploymentFile: string;
  port: number;
  /**
   * Where the embedded PGlite keeps its files (a test's temp dir). By default indexer/.ponder/pglite/<schema>, and
   * older directories of the same chain id there are removed. Ignored when DATABASE_URL points at Postgres.
   */
  databaseDir?: string;
  /** A critical indexer (the default) stops the whole stack if it dies; a test harness reports it instead. */
  critical?: boolean;
  /** Progress while the backfill runs, and the indexer's warnings and errors afterwards. */
  log?: (message: string) => void;
  /**
   * How long the start may go without progress (a new line of output, or a change in Ponder's sync and indexing
   * counters) before it counts as stuck. There is no limit on the total: a loaded machine is slow, not stuck.
   */
  stallMs?: number;
  /** Called with each new progress value while it starts and backfills (the fault control reports it). */
  onProgress?: (progress: IndexerProgressValue) => void;
}

/** How far a starting indexer has got: its lines of output so far, and Ponder's own counters (GET /metrics). */
export interface IndexerProgressValue {
  outputLines: number;
  /** CPU seconds its process has used, whole seconds (Linux /proc; undefined elsewhere). */
  cpuSeconds?: number;
  /** Whether its HTTP server answered GET /metrics. */
  serverUp?: boolean;
  /** Blocks the historical sync has fetched (ponder_historical_completed_blocks), once its server answers. */
  syncedBlocks?: number;
  /** Events its handlers have run (ponder_indexing_completed_events). */
  indexedEvents?: number;
  /** The block its sync has reached (ponder_sync_block). */
  syncBlock?: number;
  /**
   * RPC requests answered successfully (ponder_rpc_request_duration_count; failures are counted elsewhere): the
   * sync counters move only when a whole chunk of blocks is done, which takes most of a minute on a busy machine.
   */
  rpcResponses?: number;
}

/** Ponder answers within a few seconds between two progress counters even on a busy 2-core machine. */
export const INDEXER_STALL_MS = 90_000;

export interface RunningIndexer {
  url: string;
  process: ManagedProcess;
  stop: () => Promise<void>;
}

const PROGRESS_EVERY_MS = 5_000;

/**
 * Runs `ponder start` in indexer/ and resolves once GET /ready answers 200 (the backfill is done).
 *
 * The database schema is named after the chain's block hash at the deploy block. A restarted anvil reuses block
 * numbers with different contents, and Ponder would otherwise resume ("crash recovery") from the old chain's
 * checkpoint or refuse the schema; the same chain and deployment, on the other hand, resumes where it stopped.
 */
/**
 * The indexer's environment. Ponder 0.16 takes `PORT` over its own `--port` flag, and `PORT` is the app's port in
 * ours (`PORT=3300 npm start`): inherited, it sent the indexer to the app's port + 1 while the stack waited on
 * the indexer's, for ever. So `PORT` is set to the indexer's port.
 */
export function indexerEnv(
  parent: NodeJS.ProcessEnv,
  options: Pick<StartIndexerOptions, 'port' | 'rpcUrl' | 'chainId' | 'root' | 'deploymentFile'>,
  databaseDir: string,
): NodeJS.ProcessEnv {
  return {
    ...parent,
    PORT: String(options.port),
    PONDER_TELEMETRY_DISABLED: 'true',
    BACKSTOP_RPC_URL: options.rpcUrl,
    BACKSTOP_CHAIN_ID: String(options.chainId),
    BACKSTOP_DEPLOYMENT: path.resolve(options.root, options.deploymentFile),
    BACKSTOP_INDEXER_DB_DIR: databaseDir,
  };
}

export async function startIndexer(options: StartIndexerOptions): Promise<RunningIndexer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const schema = await schemaFor(options.rpcUrl, options.deploymentFile);
  const usesPostgres = Boolean(process.env.DATABASE_URL?.trim());
  const databaseDir = options.databaseDir ?? defaultDatabaseDir(options.root, options.chainId, schema, usesPostgres);

  const progress = progressReporter(log);
  let outputLines = 0;
  let portTaken: string | undefined;
  const child = options.supervisor.spawn(
    'indexer',
    path.join(options.root, 'node_modules', '.bin', 'ponder'),
    ['start', '--schema', schema, '--port', String(options.port), '--hostname', '127.0.0.1'],
    {
      cwd: path.join(options.root, 'indexer'),
      env: indexerEnv(process.env, options, databaseDir),
      onLine: (line) => {
        outputLines += 1;
        portTaken ??= portTakenProblem(line, options.port);
        progress.onLine(line);
      },
      critical: options.critical ?? true,
      tailLines: 40,
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForReady(url, child, {
      stallMs: options.stallMs ?? INDEXER_STALL_MS,
      outputLines: () => outputLines,
      portProblem: () => portTaken,
      onProgress: options.onProgress,
    });
  } finally {
    progress.ready();
  }
  return { url, process: child, stop: () => options.supervisor.stopChild(child) };
}

async function schemaFor(rpcUrl: string, deploymentFile: string): Promise<string> {
  const deployment = readDeployment(deploymentFile);
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 2, timeout: 10_000 }) });
  const block = await client.getBlock({ blockNumber: BigInt(deployment.deployBlock) });
  return `backstop_${deployment.chainId}_${block.hash.slice(2, 14)}`;
}

function defaultDatabaseDir(root: string, chainId: number, schema: string, usesPostgres: boolean): string {
  const parent = path.join(root, 'indexer', '.ponder', 'pglite');
  if (!usesPostgres && fs.existsSync(parent)) {
    // Each local chain is indexed once: older chains' databases only take disk space. Those of other chain ids are
    // kept: `npm start -- --chains 2` indexes two chains side by side.
    for (const entry of fs.readdirSync(parent)) {
      if (entry !== schema && entry.startsWith(`backstop_${chainId}_`)) {
        fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
      }
    }
  }
  return path.join(parent, schema);
}

/**
 * Ponder answers a taken port by moving to the next free one with a warning ("Port in use port=…"): the stack would
 * then wait on the configured port for a server that is busy elsewhere. Such a line is a start-up failure.
 */
export function portTakenProblem(raw: string, port: number): string | undefined {
  const line = stripVTControlCharacters(raw);
  if (!/Port in use/.test(line)) return undefined;
  return (
    `the indexer could not listen on port ${port}: another process holds it (Ponder said "${line.trim()}"). ` +
    'Stop that process or choose another port with BACKSTOP_INDEXER_PORT.'
  );
}

/** Ponder's own lines stay quiet, except warnings, errors and a backfill progress line every few seconds. */
function progressReporter(log: (message: string) => void) {
  let backfilling = true;
  let lastReport = 0;
  let target: string | undefined;
  return {
    onLine(raw: string) {
      const line = stripVTControlCharacters(raw);
      // Its own shutdown is announced as warnings; ours already says what is stopping.
      if (/Received SIG|shutdown sequence/.test(line)) return;
      // Said once per configured URL about our own loopback anvil: noise, not news.
      if (/Detected public RPC URL/.test(line)) return;
      if (/\b(WARN|ERROR|FATAL)\b/.test(line)) {
        log(`[indexer] ${line}`);
        return;
      }
      if (!backfilling) return;
      const range = /Started backfill indexing .*block_range=\[(\d+),(\d+)\]/.exec(line);
      if (range) {
        target = range[2];
        log(`  [indexer] backfilling blocks ${range[1]}–${range[2]}`);
        return;
      }
      const indexed = /Indexed block range .*block_range=\[\d+,(\d+)\]/.exec(line);
      if (indexed && Date.now() - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = Date.now();
        log(`  [indexer] indexed up to block ${indexed[1]}${target ? ` of ${target}` : ''}`);
      }
    },
    ready() {
      backfilling = false;
    },
  };
}

async function waitForReady(
  url: string,
  child: ManagedProcess,
  options: {
    stallMs: number;
    outputLines: () => number;
    /** Set once Ponder says our port is taken: it then listens elsewhere, busy, where nothing would ever find it. */
    portProblem: () => string | undefined;
    onProgress?: (progress: IndexerProgressValue) => void;
  },
): Promise<void> {
  let latest: IndexerProgressValue | undefined;
  await waitWhileProgressing({
    what: `the indexer on ${url}`,
    stallMs: options.stallMs,
    intervalMs: 500,
    describeStall: () => child.outputTail(),
    onProgress: () => latest && options.onProgress?.(latest),
    read: async () => {
      const portProblem = options.portProblem();
      if (portProblem) throw new Error(portProblem);
      if (child.hasExited) {
        const info = await child.exited;
        throw new Error(`the indexer exited before it was ready (${describeExit(info)}):\n${child.outputTail()}`);
      }
      // /health answers as soon as the server is up; /ready only once the backfill is complete.
      const ready = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
        async (response) => {
          await response.body?.cancel();
          return response.status === 200;
        },
        () => false,
      );
      if (ready) return { done: true };
      const metrics = await readMetrics(url);
      const cpu = cpuSeconds(child.pid);
      // A /metrics read that fails once the server is up (a busy Ponder) says nothing new: keep its last counters.
      if (!metrics.serverUp && latest?.serverUp) latest = { ...latest, cpuSeconds: cpu };
      else latest = { outputLines: options.outputLines(), cpuSeconds: cpu, ...metrics };
      return { done: false, progress: progressKey(latest) };
    },
  });
}

/**
 * What counts as progress. Before Ponder's server answers (building its config, opening the database: tens of seconds
 * on a busy machine with hardly a line of output): its output and the CPU time it has used, in whole seconds, that is
 * work done however slowly it is scheduled, where a process waiting on something that never comes uses next to none.
 * Afterwards: its sync and indexing counters and its answered RPC requests, plus its CPU time in steps of
 * CPU_STEP_SECONDS (a busy Ponder may not answer /metrics for half a minute while it syncs; an idle one retrying an
 * unreachable RPC needs minutes for one step). Its output no longer counts then: such retries write warnings.
 */
export const CPU_STEP_SECONDS = 5;

export function progressKey(value: IndexerProgressValue): string {
  const { syncedBlocks, indexedEvents, syncBlock, rpcResponses, cpuSeconds } = value;
  if (!value.serverUp) return `starting: ${value.outputLines} lines of output, ${cpuSeconds ?? '?'} CPU s`;
  const cpu = cpuSeconds === undefined ? '?' : Math.floor(cpuSeconds / CPU_STEP_SECONDS) * CPU_STEP_SECONDS;
  return `sync block ${syncBlock ?? '-'}, ${syncedBlocks ?? 0} blocks synced, ${indexedEvents ?? 0} events indexed, ${rpcResponses ?? 0} RPC answers, ${cpu}+ CPU s`;
}

/** Ponder's sync and indexing counters from GET /metrics (Prometheus text); nothing while its server is not up. */
export async function readMetrics(url: string): Promise<Omit<IndexerProgressValue, 'outputLines'>> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) {
      await response.body?.cancel();
      return {};
    }
    const text = await response.text();
    return {
      serverUp: true,
      syncedBlocks: sumMetric(text, 'ponder_historical_completed_blocks'),
      indexedEvents: sumMetric(text, 'ponder_indexing_completed_events'),
      syncBlock: sumMetric(text, 'ponder_sync_block'),
      rpcResponses: sumMetric(text, 'ponder_rpc_request_duration_count'),
    };
  } catch {
    return {};
  }
}

/** The sum over every label set of one metric, or undefined when Ponder does not report it (yet). */
export function sumMetric(text: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}
