import type { Address } from 'viem';
import { describeReadError } from '@/lib/chain/describeReadError';
import { healthSettings } from '@/lib/chain/healthSettings';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { readDashboard, type Dashboard } from '@/lib/chain/readDashboard';
import { CHAIN_SOURCE } from './names';
import { readSource, type ReadOptions } from './readSource';
import type { Source } from './source';
import type { Reading } from './status';

const lensKey = (config: PublicConfig) =>
  `lens.getDashboard|${config.chainId}|${config.rpcUrls.join(',')}|${config.contracts.lens}`;
const describeLens = (config: PublicConfig) => (error: unknown) => ({
  reason: describeReadError(error, config.contracts.lens),
});

/** The lens dashboard for public pages and APIs: however many visitors, at most one eth_call per refresh interval. */
export function sharedDashboard(config: PublicConfig): Source<Dashboard> {
  return {
    name: CHAIN_SOURCE,
    key: `shared|${lensKey(config)}`,
    read: () => readDashboard(config),
    policy: { kind: 'shared', ttlMs: () => healthSettings().refreshSeconds * 1000 },
    describe: describeLens(config),
  };
}

/** For pages whose figures must be current (tranches, home): a fresh read per request, last known while down. */
export function freshDashboard(config: PublicConfig): Source<Dashboard> {
  return {
    name: CHAIN_SOURCE,
    key: `fresh|${lensKey(config)}`,
    read: () => readDashboard(config),
    policy: { kind: 'fresh' },
    describe: describeLens(config),
  };
}

/**
 * The dashboard with a returning wallet's section, so the page is laid out with the visitor's position from the
 * first paint. That read is one visitor's, so it is neither cached nor kept; if it fails, the page gets the public
 * fresh read (or its last-known copy) with the failure.
 */
export async function readAccountDashboard(
  config: PublicConfig,
  account: Address | null,
  options: ReadOptions = {},
): Promise<Reading<Dashboard>> {
  if (account) {
    try {
      const value = await readDashboard(config, account);
      return { value, status: { source: CHAIN_SOURCE, state: 'ok', readAt: (options.clock ?? Date.now)() } };
    } catch {
      // The public read below says what failed, and keeps the last good figures.
    }
  }
  return readSource(freshDashboard(config), options);
}

/** A returning wallet's dashboard for a page that shows only its section (governance), or null if it fails. */
export async function readAccountSection(config: PublicConfig, account: Address | null): Promise<Dashboard | null> {
  return account ? readDashboard(config, account).catch(() => null) : null;
}
