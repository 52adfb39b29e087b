import * as knownChains from 'viem/chains';
import { LOCAL_CHAIN_ID } from '../protocol/chain';

interface ChainMetadata {
  name: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  /** The chain's default block explorer in viem's list, without a trailing slash; null when it has none. */
  explorerUrl: string | null;
}

const ETHER = { name: 'Ether', symbol: 'ETH', decimals: 18 };

/** Name, native currency and explorer for a chain id; server-only, so viem's chain list never reaches the browser. */
export function chainMetadata(chainId: number): ChainMetadata {
  // The local chain id is shared by anvil and hardhat in viem's list; ours is always anvil.
  if (chainId === LOCAL_CHAIN_ID) return { name: 'Anvil (local)', nativeCurrency: ETHER, explorerUrl: null };
  const known = Object.values(knownChains).find((chain) => chain.id === chainId);
  if (known) {
    const explorer = known.blockExplorers?.default.url;
    return {
      name: known.name,
      nativeCurrency: { ...known.nativeCurrency },
      explorerUrl: explorer ? explorer.replace(/\/+$/, '') : null,
    };
  }
  return { name: `Chain ${chainId}`, nativeCurrency: ETHER, explorerUrl: null };
}
