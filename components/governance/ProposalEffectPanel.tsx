'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { Address } from 'viem';
import { effectSkeleton } from '@/lib/governance/effectRows';
import type { ProposalEffectPayload } from '@/lib/governance/proposalEffectPayload';
import { EffectTable } from './EffectTable';

export const EFFECT_REFRESH_MS = 10_000;

/** The route's answer is read as hostile input: the few fields the table relies on are checked first. */
function isEffectPayload(body: unknown): body is ProposalEffectPayload {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Partial<ProposalEffectPayload>;
  return (
    typeof b.blockNumber === 'string' &&
    typeof b.timestamp === 'number' &&
    typeof b.assetDecimals === 'number' &&
    Array.isArray(b.tranches) &&
    Array.isArray(b.actions) &&
    typeof b.requiredCapital === 'object'
  );
}

async function fetchEffect(url: string): Promise<ProposalEffectPayload> {
  const response = await fetch(url);
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    throw new Error(typeof error === 'string' ? error : `the server answered ${response.status}`);
  }
  if (!isEffectPayload(body)) throw new Error('the server’s answer is not an effect');
  return body;
}

/** A proposal's "Effect if executed", from GET /api/proposals/:id/effect (the server's first figures at first paint). */
export function ProposalEffectPanel({
  proposalId,
  account,
  initial,
  renderedAt,
  tranches,
}: {
  proposalId: string;
  account: Address | undefined;
  /** The server's figures, for the account it rendered for (if any). */
  initial: ProposalEffectPayload | null;
  renderedAt: number;
  /** The tranches' names, for the placeholder rows. */
  tranches: readonly { id: number; name: string }[];
}) {
  const who = account ?? null;
  const initialFits = initial !== null && (initial.account?.address ?? null)?.toLowerCase() === who?.toLowerCase();
  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  const url = onChain(`/api/proposals/${proposalId}/effect${who ? `?account=${who}` : ''}`);
  const query = useQuery({
    queryKey: ['governance', 'effect', chainId, proposalId, who],
    queryFn: () => fetchEffect(url),
    initialData: initialFits ? initial : undefined,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: EFFECT_REFRESH_MS,
    staleTime: EFFECT_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const skeleton = useMemo(() => effectSkeleton(tranches, who !== null), [tranches, who]);
  const problem = query.error
    ? `The figures could not be read: ${query.error.message}${query.data ? ' (the last ones are shown).' : '.'}`
    : (query.data?.chainProblem ?? null);
  return (
    <EffectTable
      effect={query.data ?? null}
      skeleton={skeleton}
      refresh={`re-read every ${EFFECT_REFRESH_MS / 1000} s`}
      problem={problem}
    />
  );
}
