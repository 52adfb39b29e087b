import { spawn, type ChildProcess } from 'node:child_process';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (e.g. ENOENT). */
  error?: Error;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives every line the process writes to stdout or stderr (output is otherwise kept quiet). */
  onLine?: (line: string) => void;
  /** How many trailing lines to keep for error messages. */
  tailLines?: number;
  /** How long stop() waits after SIGTERM before SIGKILL (default 5 s): longer for a child with its own teardown. */
  stopGraceMs?: number;
}

const DEFAULT_GRACE_MS = 5_000;

/**
 * A child started in its own process group, so that stopping it also stops whatever it spawned
 * (npx/node wrappers, next's workers) without ever signalling anything we did not start.
 */
export class ManagedProcess {
  /** Resolves when the process itself has exited. */
  readonly exited: Promise<ExitInfo>;
  /** Resolves once it has exited and its output is fully read. */
  readonly closed: Promise<ExitInfo>;
  private exitInfo: ExitInfo | undefined;
  private readonly tail: string[] = [];
  private readonly graceMs: number;
  /** Lines the process has printed so far (stdout and stderr). */
  linesSeen = 0;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    options: SpawnOptions,
  ) {
    const keep = options.tailLines ?? 40;
    this.graceMs = options.stopGraceMs ?? DEFAULT_GRACE_MS;
    const onLine = (line: string) => {
      this.linesSeen += 1;
      this.tail.push(line);
      if (this.tail.length > keep) this.tail.shift();
      options.onLine?.(line);
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);

    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        // Orphans of a leader that is gone would otherwise outlive us; the group id is still ours here.
        this.signalGroup('SIGKILL');
        resolve(this.exitInfo);
      });
      child.once('error', (error) => {
        if (this.exitInfo) return;
        this.exitInfo = { code: null, signal: null, error };
        resolve(this.exitInfo);
      });
    });
    this.closed = new Promise((resolve) => {
      child.once('close', () => void this.exited.then(resolve));
      child.once('error', () => void this.exited.then(resolve));
    });
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** The process id (of the group's leader), undefined if it could not be started. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  outputTail(): string {
    return this.tail.join('\n');
  }

  /** SIGTERM to the group, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = this.graceMs): Promise<void> {
    if (this.hasExited) return;
    this.signalGroup('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) this.signalGroup('SIGKILL');
    await this.exited;
  }

  /** Synchronous last resort for process 'exit' handlers. */
  killNow(): void {
    if (!this.hasExited) this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new ManagedProcess(name, child, options);
}

export function describeExit(info: ExitInfo): string {
  if (info.error) return `could not start: ${info.error.message}`;
  if (info.signal) return `killed by ${info.signal}`;
  return `exit code ${info.code}`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface SupervisorOptions {
  /** The signals that stop everything and exit (default SIGINT, SIGTERM and SIGHUP). */
  signals?: readonly NodeJS.Signals[];
  /** Whether an uncaught error or unhandled rejection stops everything and exits (default true). */
  exitOnUncaughtError?: boolean;
}

interface Cleanup {
  name: string;
  run: () => Promise<void>;
}

/**
 * Owns every child of a script: Ctrl-C, SIGTERM, a crashed critical child or an uncaught error all
 * end in one shutdown that stops in-process services first, then every child group, then exits.
 */
export class Supervisor {
  private readonly processes = new Set<ManagedProcess>();
  private readonly cleanups: Cleanup[] = [];
  private stopping = false;

  constructor(
    private readonly log: (message: string) => void = (message) => console.log(message),
    options: SupervisorOptions = {},
  ) {
    for (const signal of options.signals ?? (['SIGINT', 'SIGTERM', 'SIGHUP'] as const)) {
      process.on(signal, () => this.onSignal(signal));
    }
    if (options.exitOnUncaughtError ?? true) {
      process.on('uncaughtException', (error) => void this.shutdown(1, `Unexpected error: ${describeError(error)}`));
      process.on('unhandledRejection', (error) => void this.shutdown(1, `Unexpected error: ${describeError(error)}`));
    }
    process.on('exit', () => {
      for (const child of this.processes) child.killNow();
    });
    this.watchParent();
  }

  /**
   * Starts a child this supervisor will stop on shutdown. A `critical` child is a long-running service:
   * if it exits on its own, everything else is stopped too.
   */
  spawn(
    name: string,
    command: string,
    args: string[],
    options: SpawnOptions & { critical?: boolean } = {},
  ): ManagedProcess {
    const child = spawnManaged(name, command, args, options);
    this.processes.add(child);
    void child.exited.then((info) => {
      if (!options.critical || this.stopping) return;
      const tail = child.outputTail();
      void this.shutdown(
        1,
        `${name} stopped unexpectedly (${describeExit(info)}).` + (tail ? `\nIts last output:\n${indent(tail)}` : ''),
      );
    });
    return child;
  }

  /** Runs a command to the end (a build, a test suite) and returns its exit and last output lines. */
  async run(
    name: string,
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ): Promise<{ exit: ExitInfo; tail: string }> {
    const child = this.spawn(name, command, args, options);
    const exit = await child.closed;
    this.processes.delete(child);
    return { exit, tail: child.outputTail() };
  }

  /** Registers an in-process service to stop before the child processes (e.g. the market simulator). */
  onShutdown(name: string, run: () => Promise<void>): void {
    this.cleanups.push({ name, run });
  }

  async stopChild(child: ManagedProcess): Promise<void> {
    await child.stop();
    this.processes.delete(child);
  }

  /** Stops everything and exits. Safe to call more than once; only the first call acts. */
  async shutdown(code: number, reason?: string): Promise<never> {
    if (this.stopping) return new Promise<never>(() => {});
    this.stopping = true;
    if (reason) this.log(reason);
    for (const cleanup of [...this.cleanups].reverse()) {
      try {
        await withTimeout(cleanup.run(), DEFAULT_GRACE_MS, `${cleanup.name} did not stop in time`);
      } catch (error) {
        this.log(`Stopping ${cleanup.name} failed: ${describeError(error)}`);
      }
    }
    const running = [...this.processes].filter((child) => !child.hasExited);
    if (running.length > 0) this.log(`Stopping ${running.map((child) => child.name).join(', ')}…`);
    await Promise.all(running.map((child) => child.stop()));
    process.exit(code);
  }

  /**
   * `kill <npm pid>` makes npm signal only its shell, which dies and leaves us running with anvil and next
   * holding their ports. Our parent changing (re-parented to init) is the one portable sign of that.
   */
  private watchParent(): void {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid !== parent) void this.shutdown(1, 'The parent process went away: stopping everything.');
    }, 1_000);
    timer.unref();
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.stopping) {
      // A second Ctrl-C means "now": no more grace periods.
      this.log(`${signal} again: killing everything now.`);
      for (const child of this.processes) child.killNow();
      process.exit(130);
    }
    void this.shutdown(signal === 'SIGINT' ? 130 : 143, `\nReceived ${signal}.`);
  }
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
