'use client';

import { useSyncExternalStore } from 'react';
import { useAccount } from 'wagmi';
import { DEFAULT_DEV_ACCOUNT_INDEX } from '@/lib/chain/devWallet/accounts';
import { devAccountAddresses } from '@/lib/chain/devWallet/addresses';
import { useDevWallet } from './devWalletContext';
import { DEV_WALLET_ID } from './devWalletRainbowKit';

const noSubscription = () => () => {};

/** Picks which anvil test account the dev wallet signs with; shown only while the dev wallet is connected. */
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
    <label className="flex items-center gap-2 text-sm text-slate-400">
      Test account
      <select
        data-testid="dev-account-select"
        className="rounded-md border border-slate-700 bg-slate-900 px-2 py-1.5 text-slate-100"
        value={index}
        onChange={(event) => devWallet.selectAccount(Number(event.target.value))}
      >
        {devAccountAddresses().map((address, i) => (
          <option key={address} value={i}>
            #{i} {address.slice(0, 6)}…{address.slice(-4)}
            {i === 0 ? ' (deployer)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
