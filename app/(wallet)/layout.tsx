import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AlertBell } from '@/components/alerts/AlertBell';
import { TxToaster } from '@/components/tx/TxToaster';
import { PageShell } from '@/components/ui/PageShell';
import { WalletButton } from '@/components/wallet/WalletButton';
import { WalletProviders } from '@/components/wallet/WalletProviders';
import { getConfig } from '@/lib/chain/config';
import { requestWalletState } from '@/lib/server/walletStateCookie';

/**
 * Routes whose body uses the wallet (deposit, vote…) live in this group: wagmi and RainbowKit wrap the whole page.
 * Read-only pages stay outside it: the home page loads the wallet button lazily, /health ships no wallet code.
 * Transaction toasts appear only here, where transactions are sent.
 */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const walletState = await requestWalletState();

  return (
    <WalletProviders walletState={walletState}>
      <PageShell
        chainName={config.config.chainName}
        actions={
          <>
            <AlertBell />
            <WalletButton />
          </>
        }
      >
        {children}
      </PageShell>
      <TxToaster />
    </WalletProviders>
  );
}
