import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SECOND_LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { deployAll } from './deploy';
import { writeDeployment, type Deployment } from './deployment';
import { seedHistory } from './seed';
import { rpc } from './jsonRpc';

/** The second local chain's id (`npm start -- --chains 2`, the multi-chain e2e): anvil's next to the default. */
export const SECOND_CHAIN_ID = SECOND_LOCAL_CHAIN_ID;
export const SECOND_CHAIN_NAME = 'Anvil 2 (local)';

/**
 * Deploys the contracts to a second anvil, plays a seeded history onto it, then gives it its own chain id, and writes
 * its deployment file to `outDir` under that id. The anvil must have been started with the local chain id: the
 * deploy and the seed run as on the first chain, because the asset's faucet, which the seed mints with, works on chain
 * 31337 only (TestStablecoin.sol) and the seed refuses any other chain. anvil_setChainId then makes it chain 31338 for
 * everything that reads it (the app, the indexer, wallets); a different seed gives it a history of its own. anvil's
 * unlocked accounts keep signing for 31337, so later transactions to it come from wallets that sign themselves.
 */
export async function deployAndSeedSecondChain(opts: {
  rpcUrl: string;
  outDir: string;
  seed: number;
  endTime: number;
  log: (message: string) => void;
}): Promise<{ deployment: Deployment; deploymentFile: string; txCount: number; days: number }> {
  // deployAll writes <dir>/31337.json: not over the first chain's file.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-second-deploy-'));
  let deployed: Deployment;
  try {
    deployed = await deployAll({ rpcUrl: opts.rpcUrl, outDir: scratch });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const seeded = await seedHistory({
    rpcUrl: opts.rpcUrl,
    deployment: deployed,
    seed: opts.seed,
    endTime: opts.endTime,
    log: opts.log,
  });
  await rpc(opts.rpcUrl, 'anvil_setChainId', [SECOND_CHAIN_ID]);
  const answered = Number(await rpc(opts.rpcUrl, 'eth_chainId', []));
  if (answered !== SECOND_CHAIN_ID) throw new Error(`anvil at ${opts.rpcUrl} still answers chain id ${answered}.`);
  const deployment = { ...deployed, chainId: SECOND_CHAIN_ID };
  return { deployment, deploymentFile: writeDeployment(opts.outDir, deployment), ...seeded };
}

/**
 * Mines an empty block every `seconds` on a chain nothing trades on, so that its clock, and its figures' freshness on
 * /health, move on as a live chain's do (and its indexer sees new blocks).
 */
export async function mineEvery(rpcUrl: string, seconds: number): Promise<void> {
  await rpc(rpcUrl, 'evm_setIntervalMining', [seconds]);
}

/** The value of BACKSTOP_CHAINS that adds these chains to the app (docs/chains.md). */
export function chainsVariable(
  chains: ReadonlyArray<{ chainId: number; rpcUrl: string; deploymentFile: string; name: string; indexerUrl?: string }>,
): string {
  return JSON.stringify(
    chains.map((c) => ({
      chainId: c.chainId,
      rpcUrls: [c.rpcUrl],
      deployment: c.deploymentFile,
      name: c.name,
      ...(c.indexerUrl === undefined ? {} : { indexerUrl: c.indexerUrl }),
    })),
  );
}

/** `npm start`'s `--chains N` or `--chains=N` (1 by default; 2 adds the second local chain), and the other arguments. */
export function chainsArgument(args: readonly string[], usage: string): { chains: 1 | 2; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--chains') value = args[++i] ?? '';
    else if (arg.startsWith('--chains=')) value = arg.slice('--chains='.length);
    else rest.push(arg);
  }
  if (value === undefined || value === '1') return { chains: 1, rest };
  if (value === '2') return { chains: 2, rest };
  throw new Error(`--chains ${value}: the local stack runs 1 or 2 chains.\n${usage}`);
}
