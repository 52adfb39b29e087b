import type { Wallet, WalletList } from '@rainbow-me/rainbowkit';
import type { CreateConnectorFn } from 'wagmi';

type RainbowKitDetails = Parameters<Wallet['createConnector']>[0]['rkDetails'];

/**
 * wagmi connectors for a RainbowKit wallet list, each tagged with the details RainbowKit's modal lists it by.
 * RainbowKit's own `connectorsForWallets` lives in its main module (about 80 kB gzip with the modal and the
 * button); the wagmi config needs the connectors at once, for a returning wallet to reconnect, while the modal is
 * loaded later (ConnectUi.tsx). The wallet definitions come from the light `@rainbow-me/rainbowkit/wallets` entry.
 */
export function walletConnectors(walletList: WalletList, params: { appName: string; projectId: string }) {
  const metadata = {
    name: params.appName,
    description: params.appName,
    url: typeof window === 'undefined' ? '' : window.location.origin,
    icons: [],
  };
  const seen = new Set<string>();
  const connectors: CreateConnectorFn[] = [];
  let index = 0;
  walletList.forEach(({ groupName, wallets }, group) => {
    for (const createWallet of wallets) {
      const { createConnector, hidden, ...wallet } = createWallet({
        appName: params.appName,
        projectId: params.projectId,
        options: { metadata },
        walletConnectParameters: { metadata },
      });
      const position = index++;
      if (seen.has(wallet.id) || hidden?.()) continue;
      seen.add(wallet.id);
      const details = (extra: Partial<RainbowKitDetails> = {}) => ({
        rkDetails: {
          ...wallet,
          index: position,
          groupIndex: group + 1,
          groupName,
          isRainbowKitConnector: true,
          ...extra,
        },
      });
      // RainbowKit offers WalletConnect twice: its own QR code, and WalletConnect's modal behind "Open".
      if (wallet.id === 'walletConnect') {
        connectors.push(createConnector(details({ isWalletConnectModalConnector: true, showQrModal: true })));
      }
      connectors.push(createConnector(details()));
    }
  });
  return connectors;
}
