'use client';

import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { useNow } from '@/components/ui/useNow';
import { chainNow, shownDashboard, useUserDashboard } from '@/components/tranches/useUserDashboard';
import type { Dashboard } from '@/lib/chain/readDashboard';
import type { ErrorContext } from '@/lib/tx/errorMessages';

export const GOVERNANCE_QUERY_KEYS = [['lens'], ['governance']] as const;

export interface GovernanceSession {
  account: Address | undefined;
  dashboard: Dashboard | undefined;
  /** The connected account's section of the lens, once it is read for that account. */
  user: Dashboard['user'] | null;
  /** Chain time, unix s (anvil time warps included). */
  now: number;
  /** This browser's clock, ms, ticking every second (for "read 5 s ago"). */
  nowMs: number;
  errorContext: ErrorContext;
  error: Error | null;
}

/**
 * The lens dashboard for the connected account, chain time and the words context for governance transactions.
 * `initial` is the server's read (for a returning wallet, made for its account): it is the account's first data if
 * that account reconnects, and until the browser's own read lands it supplies the protocol figures (never `user`
 * for another account), so what does not depend on the account is laid out from the first paint.
 */
export function useGovernanceSession(renderedAt: number, initial: Dashboard | null = null): GovernanceSession {
  const { address } = useAccount();
  const query = useUserDashboard(address, initial, renderedAt);
  const nowMs = useNow(renderedAt);
  const { dashboard, updatedAt, user } = shownDashboard(query, initial, address, renderedAt);
  const now = dashboard ? chainNow(dashboard, updatedAt, nowMs) : Math.floor(nowMs / 1000);
  return {
    account: address,
    dashboard,
    user,
    now,
    nowMs,
    error: query.error,
    errorContext: {
      now,
      asset: { decimals: dashboard?.module.assetDecimals ?? 6, symbol: dashboard?.module.assetSymbol ?? 'tUSD' },
      shares: { decimals: 18, symbol: 'BSG' },
    },
  };
}
