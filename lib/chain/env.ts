import { z } from 'zod';
import { LOCAL_CHAIN_ID } from '../protocol/chain';

// Relative imports only: the scripts and the indexer import this module too, and they have no `@/` alias.

export const DEFAULT_CHAIN_ID = LOCAL_CHAIN_ID;
export const DEFAULT_RPC_URL = 'http://127.0.0.1:8545';
export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:42069';
export const DEFAULT_REFRESH_SECONDS = 5;
export const MAX_REFRESH_SECONDS = 3600;

/** An empty variable (`BACKSTOP_X=`) means "not set", as in most shells' .env conventions. */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A free-text variable; unset or empty means "not given". */
export const optionalText = z.preprocess(unsetIfEmpty, z.string().trim().optional());

export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
export const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Every BACKSTOP_* variable the app reads, with its rules and default. The app (lib/chain/config.ts and
 * healthSettings.ts), the scripts and the indexer all parse with this schema or a `pick` of it, so a value means the
 * same thing everywhere and a bad one is refused everywhere.
 */
export const envSchema = z.object({
  BACKSTOP_CHAIN_ID: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^[1-9]\d*$/, { error: `must be a positive integer chain id, e.g. ${LOCAL_CHAIN_ID}` })
      .transform(Number)
      .pipe(z.number().max(Number.MAX_SAFE_INTEGER, { error: 'is too large for a chain id' }))
      .default(DEFAULT_CHAIN_ID),
  ),
  BACKSTOP_RPC_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url.length > 0),
      )
      .pipe(z.array(httpUrl).min(1, { error: 'must list at least one URL' }))
      .default([DEFAULT_RPC_URL]),
  ),
  BACKSTOP_DEPLOYMENT: optionalText,
  BACKSTOP_CHAINS: optionalText,
  BACKSTOP_WALLETCONNECT_PROJECT_ID: optionalText,
  BACKSTOP_EXPLORER_URL: z.preprocess(unsetIfEmpty, httpUrl.transform(withoutTrailingSlash).optional()),
  BACKSTOP_INDEXER_URL: z.preprocess(
    unsetIfEmpty,
    z.string().trim().pipe(httpUrl).transform(withoutTrailingSlash).default(DEFAULT_INDEXER_URL),
  ),
  BACKSTOP_REFRESH_SECONDS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^[1-9]\d*$/, { error: `must be a whole number of seconds, e.g. ${DEFAULT_REFRESH_SECONDS}` })
      .transform(Number)
      .pipe(z.number().max(MAX_REFRESH_SECONDS, { error: `must be at most ${MAX_REFRESH_SECONDS} (an hour)` }))
      .default(DEFAULT_REFRESH_SECONDS),
  ),
});

export type BackstopEnv = z.output<typeof envSchema>;
export type Environment = Readonly<Record<string, string | undefined>>;

/** What each variable is for, shown next to its error so the fix is obvious. */
export const envHelp: Record<keyof BackstopEnv, string> = {
  BACKSTOP_CHAIN_ID: `Set it to the chain id of the network the app reads (default ${DEFAULT_CHAIN_ID}, the local anvil chain).`,
  BACKSTOP_RPC_URL: `Set it to the node's JSON-RPC URL, or several separated by commas for fallback (default ${DEFAULT_RPC_URL}).`,
  BACKSTOP_DEPLOYMENT:
    'Set it to the path of the deployment JSON (default deployments/<chainId>.json relative to the project root).',
  BACKSTOP_CHAINS:
    'Optional: more chains to show on /health, as a JSON list or the path of a JSON file, e.g. [{"chainId": 31338, "rpcUrls": ["http://127.0.0.1:8546"]}] (docs/chains.md).',
  BACKSTOP_WALLETCONNECT_PROJECT_ID:
    'Optional: a WalletConnect Cloud project id; leave unset to offer browser wallets only.',
  BACKSTOP_EXPLORER_URL:
    "Optional: the block explorer base URL, e.g. https://etherscan.io; by default the chain's own in viem's list (none for the local chain).",
  BACKSTOP_INDEXER_URL: `Set it to the indexer's base URL (default ${DEFAULT_INDEXER_URL}, where npm start runs it).`,
  BACKSTOP_REFRESH_SECONDS: `Set it to how often the server reads the chain and the indexer at most, in whole seconds from 1 to ${MAX_REFRESH_SECONDS} (default ${DEFAULT_REFRESH_SECONDS}).`,
};

/** One variable that does not pass the schema: which, what is wrong (with the value), and how to fix it. */
export interface EnvProblem {
  variable: string;
  problem: string;
  fix: string;
}

export type EnvResult<T> = { ok: true; env: T } | { ok: false; problems: EnvProblem[] };

/** Parses `env` with `schema` (envSchema or a pick or extension of it); never throws for bad values. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Environment): EnvResult<z.output<S>> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const value = env[variable];
      return {
        variable,
        problem: `${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`,
        fix: envHelp[variable as keyof BackstopEnv] ?? 'Correct or unset the variable.',
      };
    }),
  };
}

/** The problems as lines for a log or a thrown error, outside the app's configuration page. */
export function describeEnvProblems(problems: readonly EnvProblem[]): string {
  return problems.map((p) => `${p.variable}: ${p.problem}. ${p.fix}`).join('\n');
}

/** Parses or throws with every problem named: for the scripts and the indexer, which stop on a bad variable. */
export function requireEnv<S extends z.ZodType>(schema: S, env: Environment): z.output<S> {
  const parsed = parseEnv(schema, env);
  if (!parsed.ok) throw new Error(`Invalid environment:\n${describeEnvProblems(parsed.problems)}`);
  return parsed.env;
}
