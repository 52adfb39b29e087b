import Link from 'next/link';
import type { PublicConfig } from '@/lib/chain/publicConfig';

/** What a wallet page shows for a `?chain=` naming no configured chain: why, and the chains it serves. */
export function UnknownChain({ problem, chains, path }: { problem: string; chains: PublicConfig[]; path: string }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300"
      data-testid="unknown-chain"
    >
      <p className="mb-3">{problem}</p>
      <ul className="flex flex-wrap gap-3">
        {chains.map((chain) => (
          <li key={chain.chainId}>
            <Link href={`${path}?chain=${chain.chainId}`} className="text-amber-300 underline hover:text-amber-200">
              {chain.chainName} (chain {chain.chainId})
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
