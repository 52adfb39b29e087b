import { pickChain, scopedConfig } from './chainParam';
import { getConfig, type ConfigResult } from './config';
import { healthSettings } from './healthSettings';
import { NO_INDEXER } from './indexerUrl';
import type { PublicConfig } from './publicConfig';

export type ServedChain =
  | {
      ok: true;
      config: PublicConfig;
      /** Whether the request named the chain (`?chain=`); else it is the default chain. */
      explicit: boolean;
    }
  | { ok: false; problem: string };

/** The configured chain a request's `?chain=` names (the default chain without one), or why it names none. */
export function servedChain(
  result: Extract<ConfigResult, { ok: true }>,
  raw: string | string[] | null | undefined,
): ServedChain {
  const pick = pickChain(result.chains, raw);
  if (!pick.ok) return pick;
  // As the browser's ChainScope has it: the chain's own config, the others in otherChains.
  const config = scopedConfig(result.chains, pick.chain);
  return { ok: true, config, explicit: pick.explicit };
}

/**
 * The indexer of the chain `config` describes (server-only: the browser never calls an indexer). A chain without one
 * gets NO_INDEXER, whose reads fail with that reason: another chain's history is never shown in its place.
 */
export function indexerUrlOf(config: PublicConfig): string {
  const result = getConfig();
  if (!result.ok) return healthSettings().indexerUrl;
  return result.indexerUrls[config.chainId] ?? NO_INDEXER;
}
