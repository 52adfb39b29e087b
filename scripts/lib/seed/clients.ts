import { createPublicClient, createWalletClient, defineChain, http, type Account, type Chain } from 'viem';
import { LOCAL_CHAIN_ID } from '../../../lib/protocol/chain';

export function localChain(id: number, rpcUrl: string): Chain {
  return defineChain({
    id,
    name: id === LOCAL_CHAIN_ID ? 'Anvil' : `Chain ${id}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Short polling: anvil automines, so a receipt is there almost at once. */
export function publicClientFor(rpcUrl: string, chain?: Chain, opts: { batch?: boolean } = {}) {
  return createPublicClient({
    chain,
    pollingInterval: 25,
    transport: http(rpcUrl, { batch: opts.batch ?? false, retryCount: 0, timeout: 30_000 }),
  });
}

export function walletClientFor(rpcUrl: string, account: Account, chain: Chain) {
  return createWalletClient({
    account,
    chain,
    pollingInterval: 25,
    transport: http(rpcUrl, { retryCount: 0, timeout: 30_000 }),
  });
}
