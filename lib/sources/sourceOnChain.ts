import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { SourceStatus } from './status';

/**
 * With several chains configured, a wallet page's banners name the chain their source belongs to ("Chain RPC of
 * Anvil 2 (local) (chain 31338)", as /health's chain rows do); with one chain they stay as they were.
 */
export function sourcesOnChain(config: PublicConfig, statuses: SourceStatus[]): SourceStatus[] {
  if (!config.otherChains?.length) return statuses;
  const chain = `${config.chainName} (chain ${config.chainId})`;
  return statuses.map((status) => ({ ...status, source: `${status.source} of ${chain}` }));
}
