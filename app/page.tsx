import { connection } from 'next/server';
import { HomeDashboard } from '@/components/home/HomeDashboard';
import { PageShell } from '@/components/ui/PageShell';
import { LazyWalletButton } from '@/components/wallet/LazyWalletButton';
import { getConfig } from '@/lib/chain/config';
import { DEV_WALLET_ID } from '@/lib/chain/devWallet/accounts';
import { LOCAL_CHAIN_ID } from '@/lib/protocol/chain';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { loadHome } from '@/lib/sources/loaders/loadHome';

export default async function HomePage() {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  const { data, sources } = await loadHome(config.config);
  // The dev wallet exists on the local chain only, whatever an old cookie says.
  const devWalletReturning =
    config.config.chainId === LOCAL_CHAIN_ID && (await requestReconnectingWallet())?.connectorId === DEV_WALLET_ID;

  return (
    <PageShell
      chainName={config.config.chainName}
      actions={<LazyWalletButton devWalletReturning={devWalletReturning} />}
    >
      <h1 className="mb-2 text-2xl font-semibold text-slate-50">Backstop module</h1>
      <p className="mb-6 max-w-2xl text-slate-400">
        A pooled reserve that pays a liquidation&apos;s shortfall in the same transaction, split into tranches that
        absorb losses in a fixed order.
      </p>
      <HomeDashboard initialDashboard={data.dashboard} initialStatus={sources.chain} renderedAt={Date.now()} />
    </PageShell>
  );
}
