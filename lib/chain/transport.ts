import { fallback, http, type Transport } from 'viem';

export interface RpcTransportOptions {
  /** Retries of a failed request (viem's default is 3); with several URLs, retries of the whole list. */
  retryCount?: number;
}

/**
 * One URL -> plain HTTP; several -> viem's fallback, tried in the order given. With several, each URL is called once
 * per round and the fallback repeats the round: retrying inside each URL as well would multiply the requests a
 * dead node receives.
 */
export function rpcTransport(rpcUrls: readonly string[], options: RpcTransportOptions = {}): Transport {
  if (rpcUrls.length === 0) throw new Error('rpcTransport needs at least one RPC URL');
  if (rpcUrls.length === 1) return http(rpcUrls[0], { batch: false, retryCount: options.retryCount });
  return fallback(
    rpcUrls.map((url) => http(url, { batch: false, retryCount: 0 })),
    { retryCount: options.retryCount },
  );
}
