import { createPublicClient, type PublicClient } from 'viem';
import { chainFromConfig } from './chain';
import type { PublicConfig } from './publicConfig';
import { rpcTransport } from './transport';

const clients = new Map<string, PublicClient>();

/** A viem public client for the configured network, reused across calls with the same chain and URLs. */
export function publicClientFor(config: PublicConfig): PublicClient {
  const key = `${config.chainId}|${config.rpcUrls.join(',')}`;
  let client = clients.get(key);
  if (!client) {
    client = createPublicClient({ chain: chainFromConfig(config), transport: rpcTransport(config.rpcUrls) });
    clients.set(key, client);
  }
  return client;
}
