import type { Address } from 'viem';
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

/**
 * The same for a page rendered for a returning wallet: the dashboard with `account`'s section, so the page is laid
 * out with the visitor's position from the first paint. That read is one visitor's, so it is neither cached nor kept
 * as last known; if it fails, the page gets the public read or its last-known copy, with the failure.
 */
export async function readAccountDashboardOrLastKnown(config: PublicConfig, account: Address | null): Promise<LastKnown<Dashboard>> {
  if (account) {
    try {
      return { value: await readDashboard(config, account), fetchedAt: Date.now(), failure: null };
    } catch {
      // The public read below says what failed, and keeps the last good figures.
    }
  }
  return readDashboardOrLastKnown(config);
}
