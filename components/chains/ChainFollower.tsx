'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useAccount } from 'wagmi';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { CHAIN_PARAM, pageOnChain } from '@/lib/chain/chainParam';

/**
 * Makes the wallet pages act on the wallet's chain: when the wallet moves to another configured chain, the page moves
 * with it, and a page whose URL names no chain shows the wallet's. A URL that names a chain is kept when the wallet
 * arrives on another one: the page then prompts to switch the wallet (TxButton), or to show the wallet's chain.
 */
export function ChainFollower() {
  const { chainId: walletChainId, isConnected } = useAccount();
  const { chainId, otherChains } = usePublicConfig();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const explicit = params.has(CHAIN_PARAM);
  const previous = useRef(walletChainId);

  useEffect(() => {
    const before = previous.current;
    previous.current = walletChainId;
    if (!isConnected || walletChainId === undefined || walletChainId === chainId) return;
    if (!otherChains?.some((c) => c.chainId === walletChainId)) return; // not a chain served here: TxButton says so
    const moved = before !== undefined && before !== walletChainId;
    if (moved || !explicit) router.replace(pageOnChain(pathname, params.toString(), walletChainId));
  }, [walletChainId, isConnected, chainId, otherChains, explicit, pathname, params, router]);

  return null;
}
