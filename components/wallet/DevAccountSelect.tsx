'use client';

import { useSyncExternalStore } from 'react';
import { useAccount } from 'wagmi';
import { ANVIL_TEST_ADDRESSES, DEFAULT_DEV_ACCOUNT_INDEX, DEV_WALLET_ID } from '@/lib/chain/devWallet/accounts';
import { DevAccountPicker } from './DevAccountPicker';
import { useDevWallet } from './devWalletContext';

const noSubscription = () => () => {};

/**
 * Picks which anvil test account the dev wallet signs with; shown while the dev wallet is connected, and while it
 * reconnects, so that the server, which knows it from wagmi's state cookie, renders it in place from the start.
 */
export function DevAccountSelect() {
  const devWallet = useDevWallet();
  const { connector, isConnected } = useAccount();
  const index = useSyncExternalStore(
    devWallet?.subscribe ?? noSubscription,
    () => devWallet?.getAccountIndex() ?? DEFAULT_DEV_ACCOUNT_INDEX,
    () => DEFAULT_DEV_ACCOUNT_INDEX,
  );

  if (!devWallet || !isConnected || connector?.id !== DEV_WALLET_ID) return null;

  return (
    <DevAccountPicker value={index} onChange={(i) => devWallet.selectAccount(i)}>
      {ANVIL_TEST_ADDRESSES.map((address, i) => (
        <option key={address} value={i}>
          #{i} {address.slice(0, 6)}…{address.slice(-4)}
        </option>
      ))}
    </DevAccountPicker>
  );
}
