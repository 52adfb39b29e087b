import type { WalletList } from '@rainbow-me/rainbowkit';
import { injectedWallet, metaMaskWallet, rainbowWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets';
import { createConfig, createStorage, type Config } from 'wagmi';
import type { Chain, Transport } from 'viem';
import { chainFromConfig } from '@/lib/chain/chain';
import { configuredChains } from '@/lib/chain/chainParam';
import { createDevWalletProvider, type DevWalletProvider } from '@/lib/chain/devWallet/provider';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { isLocalChain } from '@/lib/protocol/chain';
import { rpcTransport } from '@/lib/chain/transport';
import { WALLET_STORAGE_KEY } from '@/lib/chain/walletCookie';
import { devWallet } from './devWalletRainbowKit';
import { walletConnectors } from './walletConnectors';
import { walletStateCookies } from './walletStateCookie';

export interface WalletSetup {
  wagmiConfig: Config;
  devWallet: DevWalletProvider | null;
}

let browserSetup: { key: string; setup: WalletSetup } | undefined;

/**
 * The tab's one wagmi config. The home page's lazily loaded wallet button and the (wallet) routes' providers mount
 * separately, so they share this instance: connection state survives navigating between them.
 */
export function walletSetupFor(config: PublicConfig): WalletSetup {
  if (typeof window === 'undefined') return createWalletSetup(config);
  const key = JSON.stringify(config);
  if (browserSetup?.key !== key) browserSetup = { key, setup: createWalletSetup(config) };
  return browserSetup.setup;
}

/** wagmi config and wallet list for every configured chain (the default first: wagmi's initial chain). */
function createWalletSetup(config: PublicConfig): WalletSetup {
  const networks = configuredChains(config).map((c) => ({
    chain: chainFromConfig(c),
    transport: rpcTransport(c.rpcUrls),
  }));
  const chains = networks.map((n) => n.chain) as [Chain, ...Chain[]];
  const transports: Record<number, Transport> = Object.fromEntries(networks.map((n) => [n.chain.id, n.transport]));

  // Public test keys: offered on the local chains only, never anywhere else.
  const local = networks.filter((n) => isLocalChain(n.chain.id));
  const dev = local.length > 0 ? createDevWalletProvider({ networks: local, storage: browserStorage() }) : null;

  const walletList: WalletList = [{ groupName: 'Browser', wallets: [injectedWallet] }];
  if (dev) walletList.unshift({ groupName: 'Local chain', wallets: [devWallet(dev)] });
  // WalletConnect-based wallets call WalletConnect's servers, so they appear only with a real project id.
  if (config.walletConnectProjectId) {
    walletList.push({ groupName: 'Mobile and other', wallets: [metaMaskWallet, rainbowWallet, walletConnectWallet] });
  }

  const connectors = walletConnectors(walletList, {
    appName: 'Backstop',
    projectId: config.walletConnectProjectId ?? '',
  });

  const wagmiConfig = createConfig({
    chains,
    connectors,
    transports,
    ssr: true,
    storage: createStorage({ storage: walletStateCookies, key: WALLET_STORAGE_KEY }),
  });
  return { wagmiConfig, devWallet: dev };
}

function browserStorage() {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}
