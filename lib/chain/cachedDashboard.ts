import { describeReadError } from './describeReadError';
import { healthSettings } from './healthSettings';
import type { PublicConfig } from './publicConfig';
import { readDashboard, type Dashboard } from './readDashboard';
import { cachePerKey, createTtlCache, type CachedRead } from './ttlCache';

/**
 * The lens dashboard for public pages: however many visitors, at most one eth_call per refresh interval per
 * lens, and the last good read (with its age) while the node is down.
 */
export const readDashboardCached: (config: PublicConfig) => Promise<CachedRead<Dashboard>> = cachePerKey(
  'lens.getDashboard',
  (config: PublicConfig) => `${config.chainId}|${config.rpcUrls.join(',')}|${config.contracts.lens}`,
  (config: PublicConfig) =>
    createTtlCache(
      () => readDashboard(config),
      () => healthSettings().refreshSeconds * 1000,
      (error) => describeReadError(error, config.contracts.lens),
    ),
);
