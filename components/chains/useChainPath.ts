'use client';

import { useCallback } from 'react';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { chainPath } from '@/lib/chain/chainParam';

/** Turns an app path into the same path on the chain in scope (ChainScope.tsx): for links and API calls. */
export function useChainPath(): (path: string) => string {
  const { chainId, otherChains } = usePublicConfig();
  const several = (otherChains?.length ?? 0) > 0;
  return useCallback((path: string) => chainPath(path, chainId, several), [chainId, several]);
}
