import { createPublicClient, type PublicClient } from 'viem';
import { chainFromConfig } from './chain';
import type { PublicConfig } from './publicConfig';
import { rpcTransport } from './transport';

const clients = new Map<string, PublicClient>();

/**
 * Reads through this client are tried again soon anyway (the server's cache re-reads each refresh interval, TanStack
 * Query retries in the browser), so one retry rides out a blip, and a node that is down gets two requests per read
 * instead of viem's default four.
 */
const READ_RETRIES = 1;

/** A viem public client for the configured network, reused across calls with the same chain and URLs. */
export function publicClientFor(config: PublicConfig): PublicClient {
  const key = `${config.chainId}|${config.rpcUrls.join(',')}`;
  let client = clients.get(key);
  if (!client) {
    client = createPublicClient({
      chain: chainFromConfig(config),
      transport: rpcTransport(config.rpcUrls, { retryCount: READ_RETRIES }),
    });
    clients.set(key, client);
  }
  return client;
}
