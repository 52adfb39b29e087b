import {
  progressKey,
  startIndexer,
  type IndexerProgressValue,
  type RunningIndexer,
  type StartIndexerOptions,
} from './indexer';
import type { ExitInfo } from './processes';

/**
 * The Ponder indexer, stoppable and restartable with the same database directory, port and schema: a restart
 * resumes from its checkpoint instead of re-indexing, and resolves once /ready answers again. A rebuild starts it on
 * an empty database instead, so that it reads the whole history again (what a first start or a lost database does).
 */
export class RestartableIndexer {
  private current: RunningIndexer | null = null;
  private rebuilds = 0;
  readonly url: string;

  private readonly firstDatabaseDir: string;
  private lastProgress: IndexerProgressValue | undefined;
  private starting = false;

  private constructor(private options: StartIndexerOptions & { databaseDir: string }) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.firstDatabaseDir = options.databaseDir;
    this.options = {
      ...options,
      onProgress: (value) => {
        this.lastProgress = value;
        options.onProgress?.(value);
      },
    };
  }

  static async start(options: StartIndexerOptions & { databaseDir: string }): Promise<RestartableIndexer> {
    const indexer = new RestartableIndexer({ ...options, critical: false });
    indexer.current = await indexer.launch();
    return indexer;
  }

  /**
   * How far the start or rebuild under way has got (lines of output, Ponder's sync and indexing counters), for a
   * waiting test to tell a slow backfill from a stuck one. Undefined before the first reading of a start.
   */
  progress(): string | undefined {
    return this.starting && this.lastProgress ? progressKey(this.lastProgress) : undefined;
  }

  private async launch(): Promise<RunningIndexer> {
    this.lastProgress = undefined;
    this.starting = true;
    try {
      return await startIndexer(this.options);
    } finally {
      this.starting = false;
    }
  }

  get running(): boolean {
    return this.current !== null && !this.current.process.hasExited;
  }

  /** How the indexer exited if it did so without stop() asking it to. */
  async crash(): Promise<{ exit: ExitInfo; tail: string } | undefined> {
    if (!this.current || !this.current.process.hasExited) return undefined;
    return { exit: await this.current.process.exited, tail: this.current.process.outputTail() };
  }

  async stop(): Promise<void> {
    if (!this.running || !this.current) throw new Error('the indexer is not running.');
    await this.current.stop();
    this.current = null;
  }

  async restart(): Promise<void> {
    if (this.current) throw new Error('the indexer was not stopped by stop(): nothing to restart.');
    this.current = await this.launch();
  }

  /** Starts the stopped indexer on a new, empty database directory beside the first one. */
  async rebuild(): Promise<void> {
    if (this.current) throw new Error('the indexer was not stopped by stop(): nothing to rebuild.');
    this.rebuilds += 1;
    this.options = { ...this.options, databaseDir: `${this.firstDatabaseDir}-rebuilt-${this.rebuilds}` };
    this.current = await this.launch();
  }

  async dispose(): Promise<void> {
    await this.current?.stop();
  }
}
