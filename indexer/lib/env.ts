// The indexer's runtime settings: the same variables the app reads, plus where to keep its database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeployment, type Deployment } from '../../lib/chain/deployment';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';

export interface IndexerEnv {
  chainId: number;
  rpcUrls: string[];
  deployment: Deployment;
  /** Postgres when set; otherwise the embedded PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
}

export function readIndexerEnv(env: NodeJS.ProcessEnv = process.env): IndexerEnv {
  const chainId = Number(env.BACKSTOP_CHAIN_ID?.trim() || LOCAL_CHAIN_ID);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new Error(`BACKSTOP_CHAIN_ID=${env.BACKSTOP_CHAIN_ID} must be a positive integer chain id.`);
  }
  const rpcUrls = (env.BACKSTOP_RPC_URL?.trim() || 'http://127.0.0.1:8545')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0);

  // Relative paths are taken from the repository root, as the app does; ponder runs with indexer/ as its cwd.
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const file = path.resolve(repoRoot, env.BACKSTOP_DEPLOYMENT?.trim() || path.join('deployments', `${chainId}.json`));
  const deployment = readDeployment(file);
  if (deployment.chainId !== chainId) {
    throw new Error(`${file} is for chain ${deployment.chainId}, but BACKSTOP_CHAIN_ID is ${chainId}.`);
  }

  return {
    chainId,
    rpcUrls,
    deployment,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    pgliteDir: path.resolve(env.BACKSTOP_INDEXER_DB_DIR?.trim() || path.join(repoRoot, 'indexer', '.ponder', 'pglite')),
  };
}

function readDeployment(file: string): Deployment {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the deployment file ${file}: ${(error as Error).message}`);
  }
  const parsed = parseDeployment(json);
  if (!parsed.ok) throw new Error(`${file} is not a valid deployment file:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.deployment;
}
