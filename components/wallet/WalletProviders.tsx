'use client';

import '@rainbow-me/rainbowkit/styles.css';
import { darkTheme, lightTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { useState, type ReactNode } from 'react';
import { deserialize, WagmiProvider, type State } from 'wagmi';
import { TxTrackerProvider } from '@/components/tx/TxTracker';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { useThemeChoice } from '@/components/ui/useThemeChoice';
import { AddressAvatar } from './AddressAvatar';
import { DevWalletContext } from './devWalletContext';
import { walletSetupFor } from './walletSetup';

// Amber accent with dark text, as on the app's own primary buttons.
const accent = { accentColor: '#f59e0b', accentColorForeground: '#111827', borderRadius: 'medium' } as const;
const WALLET_THEMES = { light: lightTheme(accent), dark: darkTheme(accent) };

/**
 * wagmi + RainbowKit for the routes that connect a wallet; relies on the root layout's QueryProvider. The transaction
 * tracker lives here, above the routes, so a pending transaction is followed across client-side navigation.
 * `walletState` is wagmi's state cookie as the server received it: the server and the first client render then
 * agree that a returning wallet is reconnecting, and lay the page out for it.
 */
export function WalletProviders({ walletState, children }: { walletState?: string; children: ReactNode }) {
  const config = usePublicConfig();
  const [setup] = useState(() => walletSetupFor(config));
  const [initialState] = useState(() => parseWalletState(walletState));
  const choice = useThemeChoice();
  // "system": RainbowKit switches on prefers-color-scheme itself, as the page's colours do.
  const theme =
    choice === 'system' ? { lightMode: WALLET_THEMES.light, darkMode: WALLET_THEMES.dark } : WALLET_THEMES[choice];

  return (
    <WagmiProvider config={setup.wagmiConfig} initialState={initialState}>
      <RainbowKitProvider
        locale="en-US"
        initialChain={config.chainId}
        appInfo={{ appName: 'Backstop' }}
        avatar={AddressAvatar}
        theme={theme}
      >
        <TxTrackerProvider>
          <DevWalletContext.Provider value={setup.devWallet}>{children}</DevWalletContext.Provider>
        </TxTrackerProvider>
      </RainbowKitProvider>
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
