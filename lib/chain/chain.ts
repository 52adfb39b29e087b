import { defineChain, type Chain } from 'viem';
import { isLocalChain } from '../protocol/chain';
import type { PublicConfig } from './publicConfig';

/** The viem chain described by the runtime configuration. */
export function chainFromConfig(config: PublicConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: config.nativeCurrency,
    rpcUrls: { default: { http: config.rpcUrls } },
    ...(config.explorerUrl ? { blockExplorers: { default: { name: 'Explorer', url: config.explorerUrl } } } : {}),
    testnet: isLocalChain(config.chainId),
  });
}
