'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo, type ReactNode } from 'react';
import { PublicConfigProvider, usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { CHAIN_PARAM, configuredChains, pickChain, scopedConfig } from '@/lib/chain/chainParam';

/**
 * Makes the chain the URL names (`?chain=<id>`, the default chain without one) the config of everything below: the
 * wallet pages' reads, writes, links and API calls then all go to that chain (docs/chains.md). The page's server
 * render picks the same chain from the same parameter (lib/chain/servedChain.ts); a value naming no configured chain
 * leaves the default here, and the page says what is wrong.
 */
export function ChainScope({ children }: { children: ReactNode }) {
  const root = usePublicConfig();
  const raw = useSearchParams().get(CHAIN_PARAM);
  const scoped = useMemo(() => {
    const chains = configuredChains(root);
    const pick = pickChain(chains, raw);
    return scopedConfig(chains, pick.ok ? pick.chain : root);
  }, [root, raw]);
  return <PublicConfigProvider config={scoped}>{children}</PublicConfigProvider>;
}
