import { createClient, type Chain, type Client, type Transport } from 'viem';
import { chainFromConfig } from './chain';
import type { PublicConfig } from './publicConfig';
import { rpcTransport } from './transport';

/**
 * A bare viem client: reads go through viem's standalone actions (`readContract(client, …)` from `viem/actions`).
 * `createPublicClient` would decorate it with every public action, and with them ENS, signature verification and
 * the secp256k1 curve would ship to every wallet page that reads the chain.
 */
export type ReadClient = Client<Transport, Chain>;

const clients = new Map<string, ReadClient>();

/**
 * Reads through this client are tried again soon anyway (the server's cache re-reads each refresh interval, TanStack
 * Query retries in the browser), so one retry rides out a blip, and a node that is down gets two requests per read
 * instead of viem's default four.
 */
const READ_RETRIES = 1;

/** A viem client for the configured network, reused across calls with the same chain and URLs. */
export function publicClientFor(config: PublicConfig): ReadClient {
  const key = `${config.chainId}|${config.rpcUrls.join(',')}`;
  let client = clients.get(key);
  if (!client) {
    client = createClient({
      chain: chainFromConfig(config),
      transport: rpcTransport(config.rpcUrls, { retryCount: READ_RETRIES }),
    });
    clients.set(key, client);
  }
  return client;
}
