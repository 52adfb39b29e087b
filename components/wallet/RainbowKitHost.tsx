'use client';

import { ConnectButton, darkTheme, lightTheme, RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { useThemeChoice } from '@/components/ui/useThemeChoice';
import { CHAIN_PARAM, configuredChains, pickChain } from '@/lib/chain/chainParam';
import { AddressAvatar } from './AddressAvatar';
import type { ButtonSlot } from './ConnectUi';

// Amber accent with dark text, as on the app's own primary buttons.
const accent = { accentColor: '#f59e0b', accentColorForeground: '#111827', borderRadius: 'medium' } as const;
const WALLET_THEMES = { light: lightTheme(accent), dark: darkTheme(accent) };

export interface RainbowKitHostProps {
  slots: ButtonSlot[];
  /** How many times the connect modal was asked for; each new request opens it once. */
  openRequests: number;
  onReady: () => void;
}

/**
 * RainbowKit's provider with its modals, and its button in every slot: loaded by ConnectUiProvider after the first
 * paint (ConnectUi.tsx). It sits beside the page, not around it, so its arrival re-renders nothing of the page.
 */
export default function RainbowKitHost({ slots, openRequests, onReady }: RainbowKitHostProps) {
  const config = usePublicConfig();
  // A page whose link names a chain connects the wallet there; otherwise a wallet already on a configured chain stays
  // on it (RainbowKit's choice without initialChain), and the wallet pages follow it (docs/chains.md).
  const pick = pickChain(configuredChains(config), useSearchParams().get(CHAIN_PARAM));
  const initialChain = pick.ok && pick.explicit ? pick.chain.chainId : undefined;
  const choice = useThemeChoice();
  // "system": RainbowKit switches on prefers-color-scheme itself, as the page's colours do.
  const theme =
    choice === 'system' ? { lightMode: WALLET_THEMES.light, darkMode: WALLET_THEMES.dark } : WALLET_THEMES[choice];

  // In the same commit as the buttons' first drawing (ConnectButton draws once mounted), so no slot is ever empty.
  useEffect(onReady, [onReady]);

  return (
    <RainbowKitProvider
      locale="en-US"
      initialChain={initialChain}
      appInfo={{ appName: 'Backstop' }}
      avatar={AddressAvatar}
      theme={theme}
    >
      {slots.map((slot) => createPortal(<ConnectButton {...slot.props} />, slot.element, slot.id))}
      <OpenOnRequest openRequests={openRequests} />
    </RainbowKitProvider>
  );
}

function OpenOnRequest({ openRequests }: { openRequests: number }) {
  const { openConnectModal } = useConnectModal();
  const handled = useRef(0);
  useEffect(() => {
    if (openRequests <= handled.current || !openConnectModal) return;
    handled.current = openRequests;
    openConnectModal();
  }, [openRequests, openConnectModal]);
  return null;
}
