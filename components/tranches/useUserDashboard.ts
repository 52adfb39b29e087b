'use client';

import { useQuery } from '@tanstack/react-query';
import { isAddressEqual, zeroAddress, type Address } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';
import type { Dashboard } from '@/lib/chain/readDashboard';

export const USER_DASHBOARD_REFRESH_MS = 4_000;

/** Query keys of the data a deposit or withdrawal changes; the transaction flow refetches them once confirmed. */
export const TRANCHE_QUERY_KEYS = [['lens'], ['tranche'], ['indexer'], ['balance']] as const;

/**
 * The lens dashboard with the connected account's section (balance, allowance, position, cooldown), in one eth_call,
 * refreshed every few seconds. Seeded with the server's protocol-only read so the page renders at once.
 */
export function useUserDashboard(account: Address | undefined, initial: Dashboard | null, renderedAt: number) {
  const config = usePublicConfig();
  const user = account ?? zeroAddress;
  return useQuery({
    queryKey: ['lens', 'dashboard', config.chainId, config.contracts.lens, user],
    queryFn: async () => (await loadLiveReads()).readLiveDashboard(config, user),
    // The server's read serves as this query's first data when it was made for the same account.
    initialData: initial && isAddressEqual(initial.user.account, user) ? initial : undefined,
    initialDataUpdatedAt: renderedAt,
    placeholderData: (previous) => previous,
    staleTime: USER_DASHBOARD_REFRESH_MS,
    refetchInterval: USER_DASHBOARD_REFRESH_MS,
    retry: false,
  });
}

/** What a page shows from `useUserDashboard`, with the server's read standing in until the browser's lands. */
export interface ShownDashboard {
  /** The account's own read or, until it lands (a returning wallet reconnects after the server rendered), the
   * server's read: its module, tranche and governance figures are the same, so they do not blank out meanwhile. */
  dashboard: Dashboard | undefined;
  /** When `dashboard` was read, on this page's clock (ms). */
  updatedAt: number;
  /** `account`'s section, only from a read made for that account. */
  user: Dashboard['user'] | null;
}

export function shownDashboard(
  query: { data: Dashboard | undefined; dataUpdatedAt: number },
  initial: Dashboard | null,
  account: Address | undefined,
  renderedAt: number,
): ShownDashboard {
  const dashboard = query.data ?? initial ?? undefined;
  const updatedAt = query.data ? query.dataUpdatedAt : renderedAt;
  const user = dashboard && account && isAddressEqual(dashboard.user.account, account) ? dashboard.user : null;
  return { dashboard, updatedAt, user };
}

/** The chain's clock now: the last block's time plus what elapsed since it was read (anvil time warps included). */
export function chainNow(dashboard: Dashboard, dataUpdatedAt: number, now: number): number {
  return Number(dashboard.timestamp) + Math.max(0, Math.floor((now - dataUpdatedAt) / 1000));
}
