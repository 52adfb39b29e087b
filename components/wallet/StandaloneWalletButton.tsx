'use client';

import { WalletButton } from './WalletButton';
import { WalletProviders } from './WalletProviders';

/** The wallet button with its own providers, for pages whose body needs no wallet. */
export default function StandaloneWalletButton() {
  return (
    <WalletProviders>
      <WalletButton />
    </WalletProviders>
  );
}
