import { z } from 'zod';
import { LOCAL_CHAIN_ID } from '../protocol/chain';

export const DEFAULT_CHAIN_ID = LOCAL_CHAIN_ID;
export const DEFAULT_RPC_URL = 'http://127.0.0.1:8545';

/** An empty variable (`BACKSTOP_X=`) means "not set", as in most shells' .env conventions. */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

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
  BACKSTOP_DEPLOYMENT: z.preprocess(unsetIfEmpty, z.string().trim().optional()),
  BACKSTOP_WALLETCONNECT_PROJECT_ID: z.preprocess(unsetIfEmpty, z.string().trim().optional()),
  BACKSTOP_EXPLORER_URL: z.preprocess(
    unsetIfEmpty,
    httpUrl.transform((url) => url.replace(/\/+$/, '')).optional(),
  ),
});

export type BackstopEnv = z.output<typeof envSchema>;

/** What each variable is for, shown next to its error so the fix is obvious. */
export const envHelp: Record<keyof BackstopEnv, string> = {
  BACKSTOP_CHAIN_ID: `Set it to the chain id of the network the app reads (default ${DEFAULT_CHAIN_ID}, the local anvil chain).`,
  BACKSTOP_RPC_URL: `Set it to the node's JSON-RPC URL, or several separated by commas for fallback (default ${DEFAULT_RPC_URL}).`,
  BACKSTOP_DEPLOYMENT:
    'Set it to the path of the deployment JSON (default deployments/<chainId>.json relative to the project root).',
  BACKSTOP_WALLETCONNECT_PROJECT_ID: 'Optional: a WalletConnect Cloud project id; leave unset to offer browser wallets only.',
  BACKSTOP_EXPLORER_URL: 'Optional: the block explorer base URL, e.g. https://etherscan.io.',
};
