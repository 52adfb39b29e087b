import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chainMetadata } from './chainMetadata';
import { parseChainList, type ChainEntry } from './chainList';
import { parseDeployment, type Deployment } from './deployment';
import { envHelp, envSchema, parseEnv, type BackstopEnv, type Environment } from './env';
import { NO_INDEXER } from './indexerUrl';
import type { PublicConfig } from './publicConfig';

/** One thing wrong with the configuration: where it is, what is wrong, how to fix it. */
export interface ConfigProblem {
  source: string;
  problem: string;
  fix: string;
}

export type ConfigResult =
  | {
      ok: true;
      /** The default chain: the one BACKSTOP_CHAIN_ID names, which every page and wallet action uses. */
      config: PublicConfig;
      deploymentPath: string;
      /** Every configured chain, the default first, then BACKSTOP_CHAINS in its order (docs/chains.md). */
      chains: PublicConfig[];
      /** Each chain's indexer by chain id (server-only): NO_INDEXER for a chain whose entry names none. */
      indexerUrls: Record<number, string>;
    }
  | { ok: false; problems: ConfigProblem[] };

/**
 * Reads and validates the runtime configuration: BACKSTOP_* variables plus the deployment file they point at.
 * Server-only (it reads the file system). Never throws for bad input: every problem comes back named.
 */
export function loadConfig(env: Environment = process.env, projectRoot: string = process.cwd()): ConfigResult {
  const parsedEnv = parseEnv(envSchema, env);
  if (!parsedEnv.ok) {
    return {
      ok: false,
      problems: parsedEnv.problems.map(({ variable, problem, fix }) => ({ source: variable, problem, fix })),
    };
  }
  const vars = parsedEnv.env;
  const deploymentPath = resolveDeploymentPath(vars, projectRoot);
  const deployment = readDeployment(deploymentPath, vars.BACKSTOP_DEPLOYMENT !== undefined);
  if (!deployment.ok) return deployment;

  if (deployment.deployment.chainId !== vars.BACKSTOP_CHAIN_ID) {
    return {
      ok: false,
      problems: [
        {
          source: deploymentPath,
          problem: `the deployment is for chain ${deployment.deployment.chainId} but BACKSTOP_CHAIN_ID is ${vars.BACKSTOP_CHAIN_ID}`,
          fix: 'Point BACKSTOP_DEPLOYMENT at the deployment for this chain, or set BACKSTOP_CHAIN_ID to match the file.',
        },
      ],
    };
  }

  const { name, nativeCurrency, explorerUrl } = chainMetadata(vars.BACKSTOP_CHAIN_ID);
  const config: PublicConfig = {
    chainId: vars.BACKSTOP_CHAIN_ID,
    chainName: name,
    nativeCurrency,
    rpcUrls: vars.BACKSTOP_RPC_URL,
    // The configured explorer, else the chain's default in viem's list (none for the local chain).
    explorerUrl: vars.BACKSTOP_EXPLORER_URL ?? explorerUrl,
    walletConnectProjectId: vars.BACKSTOP_WALLETCONNECT_PROJECT_ID ?? null,
    deployBlock: deployment.deployment.deployBlock,
    contracts: deployment.deployment.contracts,
  };
  const extra = loadExtraChains(vars, projectRoot, config.walletConnectProjectId);
  if (!extra.ok) return extra;
  const chains = [config, ...extra.chains.map(({ chain }) => chain)];
  if (extra.chains.length > 0) config.otherChains = chains.slice(1);
  const indexerUrls: Record<number, string> = { [config.chainId]: vars.BACKSTOP_INDEXER_URL };
  for (const { chain, indexerUrl } of extra.chains) indexerUrls[chain.chainId] = indexerUrl ?? NO_INDEXER;
  return { ok: true, deploymentPath, config, chains, indexerUrls };
}

const CHAINS_FIX =
  'Correct BACKSTOP_CHAINS: a JSON list of { chainId, rpcUrls, deployment?, name?, explorerUrl? } (docs/chains.md), or unset it for one chain.';

/** The chains BACKSTOP_CHAINS adds, each with its deployment file read and checked against its chain id. */
function loadExtraChains(
  vars: BackstopEnv,
  projectRoot: string,
  walletConnectProjectId: string | null,
): { ok: true; chains: { chain: PublicConfig; indexerUrl?: string }[] } | { ok: false; problems: ConfigProblem[] } {
  const list = parseChainList(vars.BACKSTOP_CHAINS, vars.BACKSTOP_CHAIN_ID, projectRoot);
  if (!list.ok) return { ok: false, problems: list.problems.map((p) => ({ ...p, fix: CHAINS_FIX })) };
  const chains: { chain: PublicConfig; indexerUrl?: string }[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of list.entries) {
    const file = entryDeploymentPath(entry, projectRoot);
    const read = readDeployment(file, entry.deployment !== undefined);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    if (read.deployment.chainId !== entry.chainId) {
      problems.push({
        source: file,
        problem: `the deployment is for chain ${read.deployment.chainId} but its BACKSTOP_CHAINS entry says chain ${entry.chainId}`,
        fix: "Point the entry's deployment at the file for this chain, or correct its chainId.",
      });
      continue;
    }
    const metadata = chainMetadata(entry.chainId);
    const chain: PublicConfig = {
      chainId: entry.chainId,
      chainName: entry.name ?? metadata.name,
      nativeCurrency: metadata.nativeCurrency,
      rpcUrls: entry.rpcUrls,
      explorerUrl: entry.explorerUrl ?? metadata.explorerUrl,
      walletConnectProjectId,
      deployBlock: read.deployment.deployBlock,
      contracts: read.deployment.contracts,
    };
    chains.push(entry.indexerUrl === undefined ? { chain } : { chain, indexerUrl: entry.indexerUrl });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, chains };
}

function entryDeploymentPath(entry: ChainEntry, projectRoot: string): string {
  return path.resolve(projectRoot, entry.deployment ?? path.join('deployments', `${entry.chainId}.json`));
}

function resolveDeploymentPath(vars: BackstopEnv, projectRoot: string): string {
  const configured = vars.BACKSTOP_DEPLOYMENT ?? path.join('deployments', `${vars.BACKSTOP_CHAIN_ID}.json`);
  return path.resolve(projectRoot, configured);
}

function readDeployment(
  file: string,
  explicitlyConfigured: boolean,
): { ok: true; deployment: Deployment } | { ok: false; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return fail(
      file,
      missing
        ? 'the deployment file does not exist'
        : `the deployment file cannot be read: ${(error as Error).message}`,
      explicitlyConfigured
        ? 'Check BACKSTOP_DEPLOYMENT: it should be the path of the JSON the deploy script wrote.'
        : 'Deploy the contracts first (`npm start` deploys to the local chain and writes this file), or set BACKSTOP_DEPLOYMENT to the path of an existing deployment file.',
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      file,
      `the deployment file is not valid JSON: ${(error as Error).message}`,
      'Re-run the deploy script to rewrite it.',
    );
  }

  const parsed = parseDeployment(json);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.map((problem) => ({
        source: file,
        problem,
        fix: 'The file must follow the format in docs/interfaces.md; re-run the deploy script to rewrite it.',
      })),
    };
  }
  return parsed;
}

function fail(source: string, problem: string, fix: string): { ok: false; problems: ConfigProblem[] } {
  return { ok: false, problems: [{ source, problem, fix }] };
}

let cached: { key: string; result: ConfigResult } | undefined;

/**
 * The configuration for the running server. Re-validated only when a BACKSTOP_* variable or the deployment file
 * changes (a redeploy rewrites the file), so a request costs one stat() rather than a parse.
 */
export function getConfig(): ConfigResult {
  const env = process.env;
  const vars = JSON.stringify([Object.keys(envHelp).map((name) => env[name] ?? ''), process.cwd()]);
  const key = `${vars}|${deploymentFileStamp(env, vars)}`;
  if (cached?.key !== key) {
    cached = { key, result: loadConfig(env) };
    if (!cached.result.ok) logProblems(cached.result.problems);
  }
  return cached.result;
}

let deploymentFilesFor: { vars: string; files: string[] } | undefined;

/**
 * The deployment files' mtimes (the default chain's and each BACKSTOP_CHAINS entry's); their paths are worked out again
 * only when the variables change (every page asks).
 */
function deploymentFileStamp(env: Environment, vars: string): string {
  if (deploymentFilesFor?.vars !== vars) {
    const parsed = envSchema.safeParse(env);
    const files: string[] = [];
    if (parsed.success) {
      files.push(resolveDeploymentPath(parsed.data, process.cwd()));
      const list = parseChainList(parsed.data.BACKSTOP_CHAINS, parsed.data.BACKSTOP_CHAIN_ID, process.cwd());
      if (list.ok) files.push(...list.entries.map((entry) => entryDeploymentPath(entry, process.cwd())));
    }
    deploymentFilesFor = { vars, files };
  }
  return deploymentFilesFor.files
    .map((file) => {
      try {
        return statSync(file).mtimeMs;
      } catch {
        return null;
      }
    })
    .join(',');
}

function logProblems(problems: ConfigProblem[]): void {
  const lines = problems.map((p) => `  - ${p.source}: ${p.problem}\n    fix: ${p.fix}`);
  console.error(`[backstop] invalid configuration:\n${lines.join('\n')}`);
}
