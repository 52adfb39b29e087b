'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { useChainPath } from '@/components/chains/useChainPath';
import { parseAlertsPayload, type AlertsPayload } from '@/lib/alerts/alertsPayload';

/** Often enough that a window opening (or an anvil time warp) shows within seconds; each poll is one eth_call. */
export const ALERTS_REFRESH_MS = 10_000;

async function fetchAlerts(url: string): Promise<AlertsPayload> {
  const response = await fetch(url, { cache: 'no-store' });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const reason = (json as { error?: unknown } | null)?.error;
    throw new Error(typeof reason === 'string' ? reason : `The alerts route answered ${response.status}.`);
  }
  const payload = parseAlertsPayload(json);
  if (!payload) throw new Error('The alerts route answered something this page does not understand.');
  return payload;
}

/**
 * The account's alerts from /api/alerts, polled. Keyed under ['lens'] so that a confirmed transaction, which
 * refetches the lens queries (TRANCHE_QUERY_KEYS), refreshes the bell too.
 */
export function useAccountAlerts(chainId: number, account: Address | undefined) {
  const onChain = useChainPath();
  return useQuery({
    queryKey: ['lens', 'alerts', chainId, account],
    queryFn: () => fetchAlerts(onChain(`/api/alerts?account=${account}`)),
    enabled: Boolean(account),
    refetchInterval: ALERTS_REFRESH_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
