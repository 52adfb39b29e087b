import type { Wallet } from '@rainbow-me/rainbowkit';
import type { EIP1193Provider } from 'viem';
import { createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { DEV_WALLET_ID } from '@/lib/chain/devWallet/accounts';
import type { DevWalletProvider } from '@/lib/chain/devWallet/provider';

const ICON =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#f59e0b"/>' +
      '<path d="M8 9h12v10H8z" fill="none" stroke="#111827" stroke-width="2"/><circle cx="17" cy="14" r="1.6" fill="#111827"/></svg>',
  );

/**
 * A RainbowKit wallet entry for the local dev wallet. wagmi's injected connector drives it exactly as it drives a
 * browser extension, so every later feature is exercised through the same code path as MetaMask.
 */
export function devWallet(provider: DevWalletProvider): () => Wallet {
  return () => ({
    id: DEV_WALLET_ID,
    name: 'Dev wallet (anvil test keys)',
    shortName: 'Dev wallet',
    iconUrl: ICON,
    iconBackground: '#f59e0b',
    installed: true,
    createConnector: (walletDetails) =>
      createConnector((config) => ({
        ...injected({
          target: {
            id: DEV_WALLET_ID,
            name: 'Dev wallet',
            // Our provider implements the EIP-1193 methods wagmi calls; viem's type lists every RPC method.
            provider: provider as unknown as EIP1193Provider,
          },
        })(config),
        ...walletDetails,
      })),
  });
}
