'use client';

import { WALLET_STATE_COOKIE } from '@/lib/chain/walletCookie';
import { WalletButton } from './WalletButton';
import { WalletProviders } from './WalletProviders';
import { walletStateCookies } from './walletStateCookie';

/**
 * The wallet button with its own providers, for pages whose body needs no wallet. It renders in the browser only,
 * so it reads wagmi's state cookie itself: a returning wallet's controls take the placeholder's place at once.
 */
export default function StandaloneWalletButton() {
  return (
    <WalletProviders walletState={walletStateCookies.getItem(WALLET_STATE_COOKIE) ?? undefined}>
      <WalletButton />
    </WalletProviders>
  );
}
