// The indexer's runtime settings: the same variables the app reads, plus where to keep its database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeployment, type Deployment } from '../../lib/chain/deployment';
import { envSchema, optionalText, requireEnv } from '../../lib/chain/env';

/** The app's rules for the chain, the RPC and the deployment, plus the indexer's own database settings. */
const indexerEnvSchema = envSchema
  .pick({ BACKSTOP_CHAIN_ID: true, BACKSTOP_RPC_URL: true, BACKSTOP_DEPLOYMENT: true })
  .extend({ DATABASE_URL: optionalText, BACKSTOP_INDEXER_DB_DIR: optionalText });

export interface IndexerEnv {
  chainId: number;
  rpcUrls: string[];
  deployment: Deployment;
  /** Postgres when set; otherwise the embedded PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
}

export function readIndexerEnv(env: NodeJS.ProcessEnv = process.env): IndexerEnv {
  const vars = requireEnv(indexerEnvSchema, env);
  const chainId = vars.BACKSTOP_CHAIN_ID;

  // Relative paths are taken from the repository root, as the app does; ponder runs with indexer/ as its cwd.
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const file = path.resolve(repoRoot, vars.BACKSTOP_DEPLOYMENT ?? path.join('deployments', `${chainId}.json`));
  const deployment = readDeployment(file);
  if (deployment.chainId !== chainId) {
    throw new Error(`${file} is for chain ${deployment.chainId}, but BACKSTOP_CHAIN_ID is ${chainId}.`);
  }

  return {
    chainId,
    rpcUrls: vars.BACKSTOP_RPC_URL,
    deployment,
    databaseUrl: vars.DATABASE_URL,
    pgliteDir: path.resolve(vars.BACKSTOP_INDEXER_DB_DIR ?? path.join(repoRoot, 'indexer', '.ponder', 'pglite')),
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
