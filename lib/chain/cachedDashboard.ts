import { CHAIN_SOURCE } from '@/lib/health/sources';
import { readOrLastKnown, type LastKnown } from '@/lib/health/lastKnown';
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

/**
 * For pages whose figures must be current (tranches, home): a fresh read on every request, but while the node is
 * down the last good read of this server with the failure and its start, instead of nothing.
 */
export function readDashboardOrLastKnown(config: PublicConfig): Promise<LastKnown<Dashboard>> {
  return readOrLastKnown(
    `lens.getDashboard|${config.chainId}|${config.rpcUrls.join(',')}|${config.contracts.lens}`,
    () => readDashboard(config),
    (error) => ({ source: CHAIN_SOURCE, message: describeReadError(error, config.contracts.lens) }),
  );
}
