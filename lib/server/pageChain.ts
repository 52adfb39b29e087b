import { redirect } from 'next/navigation';
import { CHAIN_PARAM, pageOnChain } from '@/lib/chain/chainParam';
import type { ConfigResult } from '@/lib/chain/config';
import { servedChain, type ServedChain } from '@/lib/chain/servedChain';
import { requestReconnectingWallet } from './walletStateCookie';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The chain a wallet page shows and acts on: the one its `?chain=` names; without one, the chain the returning wallet
 * was last on when it is a configured one (the page redirects there, so that its URL names it), else the default.
 */
export async function pageChain(
  config: Extract<ConfigResult, { ok: true }>,
  pathname: string,
  searchParams: SearchParams,
): Promise<ServedChain> {
  const served = servedChain(config, searchParams[CHAIN_PARAM]);
  if (!served.ok || served.explicit || config.chains.length < 2) return served;
  const walletChainId = (await requestReconnectingWallet())?.chainId;
  if (walletChainId !== undefined && walletChainId !== served.config.chainId) {
    if (config.chains.some((c) => c.chainId === walletChainId)) {
      redirect(pageOnChain(pathname, queryOf(searchParams), walletChainId));
    }
  }
  return served;
}

function queryOf(searchParams: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  }
  return query.toString();
}
