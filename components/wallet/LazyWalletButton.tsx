'use client';

import dynamic from 'next/dynamic';

/**
 * wagmi + RainbowKit are the bulk of the client JavaScript; read-only pages load them after the first paint, so
 * their figures show (and hydrate) without waiting for wallet code.
 */
export const LazyWalletButton = dynamic(() => import('./StandaloneWalletButton'), {
  ssr: false,
  // The height of ConnectButtonSlot, so nothing moves when the button replaces this.
  loading: () => (
    <button
      type="button"
      disabled
      className="h-10 rounded-xl bg-amber-500/60 px-3.5 font-semibold text-ink"
      data-testid="wallet-button-loading"
    >
      Connect Wallet
    </button>
  ),
});
