import path from 'node:path';
import { describeExit, type Supervisor } from './processes';

/**
 * Compiles the contracts that deployAll reads from contracts/out. Tests and scripts are skipped (they are
 * `forge test`'s business); forge's cache makes this a quick no-op when nothing changed.
 */
export async function buildContracts(options: { root: string; supervisor: Supervisor }): Promise<void> {
  const { exit, tail } = await options.supervisor.run(
    'forge build',
    path.join(options.root, 'node_modules', '.bin', 'forge'),
    ['build', '--skip', 'test', '--skip', 'script'],
    // forge resolves the relative solc path in foundry.toml against its working directory.
    { cwd: path.join(options.root, 'contracts'), tailLines: 80 },
  );
  if (exit.code !== 0) throw new Error(`forge build failed (${describeExit(exit)}):\n${tail}`);
}
