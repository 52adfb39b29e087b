import fs from 'node:fs';
import { startAnvil, type RunningAnvil } from './anvil';
import type { ExitInfo, Supervisor } from './processes';
import { rpc } from './jsonRpc';

export interface RestartableAnvilOptions {
  port: number;
  supervisor: Supervisor;
  root: string;
  chainId?: number;
  genesisTimestamp?: number;
  /** Where anvil writes its chain (blocks, transactions, accounts) when it stops, and reads it back on restart. */
  stateFile: string;
}

/**
 * An anvil that can be stopped for real and brought back with its history, like a node restarted from its database:
 * SIGTERM makes it write its state (--dump-state), the restart loads it (--load-state) on the same port, and the
 * chain's clock goes on as if it had kept running (anvil would otherwise restart it at the wall clock or at genesis).
 */
export class RestartableAnvil {
  readonly rpcUrl: string;
  private current: RunningAnvil | null = null;
  private stopped: { offsetSeconds: number; blockNumber: bigint } | null = null;
  private chainId: number | undefined;

  private constructor(private readonly options: RestartableAnvilOptions) {
    this.rpcUrl = `http://127.0.0.1:${options.port}`;
    this.chainId = options.chainId;
  }

  static async start(options: RestartableAnvilOptions): Promise<RestartableAnvil> {
    fs.rmSync(options.stateFile, { force: true });
    const anvil = new RestartableAnvil(options);
    anvil.current = await startAnvil({
      port: options.port,
      supervisor: options.supervisor,
      root: options.root,
      chainId: options.chainId,
      genesisTimestamp: options.genesisTimestamp,
      critical: false,
      extraArgs: ['--dump-state', options.stateFile],
    });
    return anvil;
  }

  /**
   * The chain id it answers after anvil_setChainId (scripts/lib/secondChain.ts), so that a restart starts it with that
   * id rather than the one it was first started with.
   */
  adoptChainId(chainId: number): void {
    this.chainId = chainId;
  }

  get running(): boolean {
    return this.current !== null && !this.current.process.hasExited;
  }

  /** How anvil exited if it did so without stop() asking it to; undefined while it runs or after a planned stop. */
  async crash(): Promise<{ exit: ExitInfo; tail: string } | undefined> {
    if (!this.current || !this.current.process.hasExited) return undefined;
    return { exit: await this.current.process.exited, tail: this.current.process.outputTail() };
  }

  /** Stops the process (SIGTERM, then waits for it to write its state). Returns the block it stopped at. */
  async stop(): Promise<bigint> {
    const current = this.current;
    if (!current || current.process.hasExited) throw new Error('anvil is not running.');
    // evm_increaseTime(0) changes nothing and answers the clock's total offset from the wall clock.
    const offsetSeconds = Number(await rpc(this.rpcUrl, 'evm_increaseTime', [0]));
    const blockNumber = BigInt(String(await rpc(this.rpcUrl, 'eth_blockNumber', [])));
    const before = fs.existsSync(this.options.stateFile) ? fs.statSync(this.options.stateFile).mtimeMs : 0;
    // A seeded chain takes a few seconds to serialise: give it time rather than SIGKILL it half-way.
    await current.process.stop(STATE_WRITE_GRACE_MS);
    await current.stop();
    this.current = null;
    if (!fs.existsSync(this.options.stateFile) || fs.statSync(this.options.stateFile).mtimeMs <= before) {
      throw new Error(
        `anvil stopped without writing its state to ${this.options.stateFile}:\n${current.process.outputTail()}`,
      );
    }
    this.stopped = { offsetSeconds, blockNumber };
    return blockNumber;
  }

  /** Starts anvil again from the state it wrote, and checks that the chain came back with all of its blocks. */
  async restart(): Promise<void> {
    const stopped = this.stopped;
    if (!stopped || this.running) throw new Error('anvil was not stopped by stop(): nothing to restart.');
    this.current = await startAnvil({
      port: this.options.port,
      supervisor: this.options.supervisor,
      root: this.options.root,
      chainId: this.chainId,
      critical: false,
      extraArgs: ['--load-state', this.options.stateFile, '--dump-state', this.options.stateFile],
    });
    await rpc(this.rpcUrl, 'anvil_setTime', [Math.floor(Date.now() / 1000) + stopped.offsetSeconds]);
    const blockNumber = BigInt(String(await rpc(this.rpcUrl, 'eth_blockNumber', [])));
    if (blockNumber !== stopped.blockNumber) {
      throw new Error(`anvil came back at block ${blockNumber}, but it stopped at block ${stopped.blockNumber}.`);
    }
    this.stopped = null;
  }

  /** Stops it for good (state is still written, then left to the caller's work directory). */
  async dispose(): Promise<void> {
    if (this.current) await this.current.process.stop(STATE_WRITE_GRACE_MS);
    await this.current?.stop();
  }
}

const STATE_WRITE_GRACE_MS = 60_000;
