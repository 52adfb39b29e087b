import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicClient, http } from 'viem';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { type ManagedProcess, type Supervisor } from './processes';
import { waitUntilReady } from './processReady';

export interface StartAnvilOptions {
  port: number;
  supervisor: Supervisor;
  chainId?: number;
  /** Repository root, where node_modules/.bin/anvil lives. */
  root?: string;
  /** How long anvil may neither use CPU nor print while it does not answer yet (default 20 s). */
  stallMs?: number;
  /** Unix time (s) of the genesis block; the chain's clock runs on from it in real time. */
  genesisTimestamp?: number;
  /** A critical anvil (the default) stops the whole stack if it dies; a test harness reports it instead. */
  critical?: boolean;
  /** More anvil flags, e.g. --dump-state / --load-state for a chain that must survive a restart. */
  extraArgs?: string[];
}

export interface RunningAnvil {
  rpcUrl: string;
  process: ManagedProcess;
  /** Where this anvil moves older block states; deleted when it exits. */
  stateCacheDir: string;
  stop: () => Promise<void>;
}

/**
 * Starts anvil on 127.0.0.1 with automine (seeding warps time itself with evm_increaseTime and
 * anvil_setNextBlockTimestamp) and resolves once it answers eth_chainId with the expected id.
 * A crash later on stops the whole stack through the supervisor.
 */
export async function startAnvil(options: StartAnvilOptions): Promise<RunningAnvil> {
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const root = options.root ?? process.cwd();
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  const stateCache = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-anvil-states-'));
  const child = options.supervisor.spawn(
    'anvil',
    anvilBinary(root),
    [
      ...['--host', '127.0.0.1', '--port', String(options.port), '--chain-id', String(chainId), '--color', 'never'],
      ...['--cache-path', stateCache],
      ...(options.genesisTimestamp !== undefined ? ['--timestamp', String(options.genesisTimestamp)] : []),
      ...(options.extraArgs ?? []),
    ],
    { cwd: root, critical: options.critical ?? true, tailLines: 20 },
  );
  removeWhenGone(stateCache, child);
  await waitForChain(rpcUrl, chainId, child, options.stallMs ?? 20_000);
  return { rpcUrl, process: child, stateCacheDir: stateCache, stop: () => options.supervisor.stopChild(child) };
}

/**
 * anvil keeps its latest block states in memory and moves older ones to disk (--cache-path, by default
 * ~/.foundry/anvil/tmp), and it never deletes them, not even on a clean exit: each run of the stack used to leave
 * 0.3–3 GB behind in the user's home. Each anvil gets its own directory, deleted once the process has exited,
 * or when this script exits if it has to leave without waiting for anvil.
 */
function removeWhenGone(dir: string, child: ManagedProcess): void {
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  void child.exited.then(() => {
    remove();
    process.removeListener('exit', remove);
  });
}

async function waitForChain(rpcUrl: string, chainId: number, child: ManagedProcess, stallMs: number) {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1_000 }) });
  let answered: number | undefined;
  await waitUntilReady({
    what: `anvil on ${rpcUrl}`,
    child,
    stallMs,
    ready: async () => {
      answered = await client.getChainId().catch(() => undefined);
      return answered !== undefined;
    },
  });
  if (answered !== chainId) throw new Error(`anvil at ${rpcUrl} answered chain id ${answered}, expected ${chainId}.`);
}

/**
 * The platform binary that @foundry-rs/anvil installs, run directly: no wrapper process in between,
 * so a crash reports anvil's own exit status. Falls back to the npm wrapper on unknown platforms.
 */
function anvilBinary(root: string): string {
  const arch = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch];
  const executable = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const native = path.join(root, 'node_modules', '@foundry-rs', `anvil-${process.platform}-${arch}`, 'bin', executable);
  return arch && fs.existsSync(native) ? native : path.join(root, 'node_modules', '.bin', 'anvil');
}
