import { cookies } from 'next/headers';
import { WALLET_STATE_COOKIE } from '@/lib/chain/walletCookie';
import { reconnectingWallet, type ReconnectingWallet } from '@/lib/chain/walletState';

/** The request's wagmi state cookie as the browser sent it (wagmi's `initialState` is parsed from it), if any. */
export async function requestWalletState(): Promise<string | undefined> {
  return (await cookies()).get(WALLET_STATE_COOKIE)?.value;
}

/** The wallet connection this request's visitor will restore, or null (see `reconnectingWallet`). */
export async function requestReconnectingWallet(): Promise<ReconnectingWallet | null> {
  return reconnectingWallet(await requestWalletState());
}
