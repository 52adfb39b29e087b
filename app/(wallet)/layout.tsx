import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AlertBell } from '@/components/alerts/AlertBell';
import { ChainFollower } from '@/components/chains/ChainFollower';
import { ChainLink } from '@/components/chains/ChainLink';
import { ChainPicker } from '@/components/chains/ChainPicker';
import { ChainScope } from '@/components/chains/ChainScope';
import { TxToaster } from '@/components/tx/TxToaster';
import { PageShell } from '@/components/ui/PageShell';
import { WalletButton } from '@/components/wallet/WalletButton';
import { WalletProviders } from '@/components/wallet/WalletProviders';
import { getConfig } from '@/lib/chain/config';
import { requestWalletState } from '@/lib/server/walletStateCookie';

/**
 * Routes whose body uses the wallet (deposit, vote…) live in this group: wagmi and RainbowKit wrap the whole page.
 * Read-only pages stay outside it: the home page loads the wallet button lazily, /health ships no wallet code.
 * Transaction toasts appear only here, where transactions are sent. Everything inside ChainScope works on the chain
 * the URL names (`?chain=`, docs/chains.md); the wallet's config above it knows every configured chain.
 */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const walletState = await requestWalletState();

  return (
    <WalletProviders walletState={walletState}>
      <ChainScope>
        <ChainFollower />
        <PageShell
          chainName={config.config.chainName}
          chain={<ChainPicker />}
          navLink={(props) => <ChainLink {...props} />}
          actions={
            <>
              <AlertBell />
              <WalletButton />
            </>
          }
        >
          {children}
        </PageShell>
      </ChainScope>
      <TxToaster />
    </WalletProviders>
  );
}
