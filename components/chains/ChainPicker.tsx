'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { pageOnChain } from '@/lib/chain/chainParam';

const pill = 'rounded-full border px-2 py-0.5 text-xs';

/**
 * The header's chain: its name, and with several chains configured one link per chain, which shows this page on that
 * chain (pageOnChain).
 */
export function ChainPicker() {
  const { chainId, chainName, otherChains } = usePublicConfig();
  const pathname = usePathname();
  const params = useSearchParams();
  if (!otherChains?.length) {
    return (
      <span className={`${pill} border-slate-700 text-slate-400`} data-testid="chain-name">
        {chainName}
      </span>
    );
  }
  const chains = [{ chainId, chainName }, ...otherChains].sort((a, b) => a.chainId - b.chainId);
  const hrefOn = (id: number) => pageOnChain(pathname, params.toString(), id);
  return (
    <nav aria-label="Chain" className="flex items-center gap-1" data-testid="chain-picker">
      {chains.map((chain) =>
        chain.chainId === chainId ? (
          <span
            key={chain.chainId}
            aria-current="page"
            className={`${pill} border-amber-500/70 text-amber-200`}
            data-testid="chain-name"
            data-chain-id={chain.chainId}
          >
            {chain.chainName}
          </span>
        ) : (
          <Link
            key={chain.chainId}
            href={hrefOn(chain.chainId)}
            className={`${pill} border-slate-700 text-slate-400 hover:text-slate-100`}
            data-testid={`chain-link-${chain.chainId}`}
            title={`Show this page on ${chain.chainName} (chain ${chain.chainId})`}
          >
            {chain.chainName}
          </Link>
        ),
      )}
    </nav>
  );
}
