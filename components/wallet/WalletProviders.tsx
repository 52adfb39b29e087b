'use client';

import '@rainbow-me/rainbowkit/styles.css';
import { darkTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { useState, type ReactNode } from 'react';
import { WagmiProvider } from 'wagmi';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { AddressAvatar } from './AddressAvatar';
import { DevWalletContext } from './devWalletContext';
import { walletSetupFor } from './walletSetup';

/** wagmi + RainbowKit for the routes that connect a wallet; relies on the root layout's QueryProvider. */
export function WalletProviders({ children }: { children: ReactNode }) {
  const config = usePublicConfig();
  const [setup] = useState(() => walletSetupFor(config));

  return (
    <WagmiProvider config={setup.wagmiConfig}>
      <RainbowKitProvider
        locale="en-US"
        initialChain={config.chainId}
        appInfo={{ appName: 'Backstop' }}
        avatar={AddressAvatar}
        theme={darkTheme({ accentColor: '#f59e0b', accentColorForeground: '#111827', borderRadius: 'medium' })}
      >
        <DevWalletContext.Provider value={setup.devWallet}>{children}</DevWalletContext.Provider>
      </RainbowKitProvider>
    </WagmiProvider>
  );
}
