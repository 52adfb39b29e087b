import path from 'node:path';
import { startApp, type RunningApp } from './app';
import { deploymentPath } from './deployment';
import type { Stoppable } from './faultControl';
import type { ExitInfo, Supervisor } from './processes';
import { RestartableAnvil } from './restartableAnvil';
import { progressKey } from './indexer';
import { RestartableIndexer } from './restartableIndexer';
import { chainsVariable, deployAndSeedSecondChain, SECOND_CHAIN_ID, SECOND_CHAIN_NAME } from './secondChain';
import { historyWindow } from './seed';

/** Not the stack's seed (1): the two chains' histories, and so their figures, differ. */
const SECOND_SEED = 2;

export interface E2eSecondChainOptions {
  root: string;
  supervisor: Supervisor;
  log: (message: string) => void;
  workDir: string;
  anvilPort: number;
  appPort: number;
  indexerPort: number;
  /** The stack's app environment; the second app adds the second chain to it with BACKSTOP_CHAINS. */
  appEnv: Record<string, string>;
}

/**
 * The multi-chain e2e's second chain, booted only when e2e/chains.spec.ts asks (POST /chain2/start through the fault
 * control), so the rest of the suite neither waits for it nor sees it: a restartable anvil on chain 31338 holding a
 * history of its own, its own indexer (its wallet pages' proposals and histories), and a second `next start` of the
 * same build configured with both chains. Its anvil then stops and starts like the stack's; its indexer keeps running.
 */
export class E2eSecondChain implements Stoppable {
  private anvil: RestartableAnvil | null = null;
  private app: RunningApp | null = null;
  private indexer: RestartableIndexer | null = null;
  /** What its boot is doing (the seed's progress lines), for the fault control's GET /status. */
  private phase: string | undefined;

  constructor(private readonly options: E2eSecondChainOptions) {}

  get rpcUrl(): string {
    return `http://127.0.0.1:${this.options.anvilPort}`;
  }

  get appUrl(): string {
    return `http://localhost:${this.options.appPort}`;
  }

  /** Written when it boots: its own deployment. */
  get deploymentFile(): string {
    return deploymentPath(this.options.workDir, SECOND_CHAIN_ID);
  }

  progress(): string | undefined {
    return this.phase;
  }

  get booted(): boolean {
    return this.anvil !== null;
  }

  get running(): boolean {
    return this.anvil?.running ?? false;
  }

  async stop(): Promise<unknown> {
    if (!this.anvil) throw new Error('the second chain was never started.');
    return this.anvil.stop();
  }

  /** Boots the second chain and its app on first use; afterwards, starts its anvil again from the state it wrote. */
  async restart(): Promise<void> {
    if (this.anvil) return this.anvil.restart();
    const { root, supervisor, log, workDir } = this.options;
    const history = historyWindow();
    // Started as the local chain for its deploy and seed, then given its own id (scripts/lib/secondChain.ts).
    this.anvil = await RestartableAnvil.start({
      port: this.options.anvilPort,
      supervisor,
      root,
      genesisTimestamp: history.genesisTimestamp,
      stateFile: path.join(workDir, 'anvil-2-state.json'),
    });
    const { deploymentFile, txCount } = await deployAndSeedSecondChain({
      rpcUrl: this.anvil.rpcUrl,
      outDir: workDir,
      seed: SECOND_SEED,
      endTime: history.endTime,
      log: (message) => (this.phase = message),
    });
    this.anvil.adoptChainId(SECOND_CHAIN_ID);
    log(
      `✓ second chain up at ${this.anvil.rpcUrl} (chain ${SECOND_CHAIN_ID}), seeded ${txCount} txs (seed ${SECOND_SEED})`,
    );
    this.phase = 'indexing its history';
    this.indexer = await RestartableIndexer.start({
      root,
      supervisor,
      rpcUrl: this.anvil.rpcUrl,
      chainId: SECOND_CHAIN_ID,
      deploymentFile,
      port: this.options.indexerPort,
      databaseDir: path.join(workDir, 'indexer-2-db'),
      log,
      // Its backfill's counters, so that the fault control's wait sees a slow start move on.
      onProgress: (value) => (this.phase = `indexing its history: ${progressKey(value)}`),
    });
    this.phase = 'starting its app';
    this.app = await startApp({
      root,
      port: this.options.appPort,
      supervisor,
      env: {
        ...this.options.appEnv,
        BACKSTOP_CHAINS: chainsVariable([
          {
            chainId: SECOND_CHAIN_ID,
            rpcUrl: this.anvil.rpcUrl,
            deploymentFile,
            name: SECOND_CHAIN_NAME,
            indexerUrl: this.indexer.url,
          },
        ]),
      },
      onLine: (line) => {
        if (line.trim()) log(`[app 2] ${line}`);
      },
      critical: false,
    });
    this.phase = undefined;
    log(`✓ app with two chains served at ${this.app.url}`);
  }

  /** How its anvil or app died, if one did without being asked to. */
  async crash(): Promise<{ exit: ExitInfo; tail: string } | undefined> {
    const anvilCrash = await this.anvil?.crash();
    if (anvilCrash) return anvilCrash;
    if (this.app?.process.hasExited)
      return { exit: await this.app.process.exited, tail: this.app.process.outputTail() };
    return undefined;
  }

  async dispose(): Promise<void> {
    await this.app?.stop();
    await this.indexer?.dispose();
    await this.anvil?.dispose();
  }
}
