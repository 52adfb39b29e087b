'use client';

import { createContext, useContext } from 'react';
import type { DevWalletProvider } from '@/lib/chain/devWallet/provider';

/** The dev wallet of this tab, or null when the chain is not the local one. */
export const DevWalletContext = createContext<DevWalletProvider | null>(null);

export function useDevWallet(): DevWalletProvider | null {
  return useContext(DevWalletContext);
}
