import { fallback, http, type Transport } from 'viem';

/** One URL -> plain HTTP; several -> viem's fallback, tried in the order given. */
export function rpcTransport(rpcUrls: readonly string[]): Transport {
  const transports = rpcUrls.map((url) => http(url, { batch: false }));
  const [only] = transports;
  if (!only) throw new Error('rpcTransport needs at least one RPC URL');
  return transports.length === 1 ? only : fallback(transports);
}
