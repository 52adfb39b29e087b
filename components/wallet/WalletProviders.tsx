'use client';

// RainbowKit's CSS stays with the page (it is not JavaScript): loaded with its lazy code, it could arrive after the
// button it styles, which then drew unstyled and taller for a frame and moved the header.
import '@rainbow-me/rainbowkit/styles.css';
import { useState, type ReactNode } from 'react';
import { deserialize, WagmiProvider, type State } from 'wagmi';
import { TxTrackerProvider } from '@/components/tx/TxTracker';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { ConnectUiProvider } from './ConnectUi';
import { DevWalletContext } from './devWalletContext';
import { walletSetupFor } from './walletSetup';

/**
 * wagmi for the routes that connect a wallet; relies on the root layout's QueryProvider. RainbowKit (modal and
 * button) loads after the first paint, beside the page (ConnectUi.tsx). The transaction tracker lives here, above
 * the routes, so a pending transaction is followed across client-side navigation.
 * `walletState` is wagmi's state cookie as the server received it: the server and the first client render then
 * agree that a returning wallet is reconnecting, and lay the page out for it.
 */
export function WalletProviders({ walletState, children }: { walletState?: string; children: ReactNode }) {
  const config = usePublicConfig();
  const [setup] = useState(() => walletSetupFor(config));
  const [initialState] = useState(() => parseWalletState(walletState));

  return (
    <WagmiProvider config={setup.wagmiConfig} initialState={initialState}>
      <ConnectUiProvider>
        <TxTrackerProvider>
          <DevWalletContext.Provider value={setup.devWallet}>{children}</DevWalletContext.Provider>
        </TxTrackerProvider>
      </ConnectUiProvider>
    </WagmiProvider>
  );
}

/** A cookie the visitor can edit: anything that is not wagmi's serialised state counts as no state. */
function parseWalletState(cookie: string | undefined): State | undefined {
  if (!cookie) return undefined;
  try {
    const parsed = deserialize<{ state?: State }>(cookie);
    return parsed.state?.connections instanceof Map ? parsed.state : undefined;
  } catch {
    return undefined;
  }
}
