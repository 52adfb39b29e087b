'use client';

import dynamic from 'next/dynamic';
import { createContext, useContext } from 'react';
import { DEFAULT_DEV_ACCOUNT_INDEX } from '@/lib/chain/devWallet/accounts';
import { DevAccountPicker } from './DevAccountPicker';

/** Whether the server saw, in wagmi's state cookie, the dev wallet about to reconnect. */
const DevWalletReturning = createContext(false);

const WalletButton = dynamic(() => import('./StandaloneWalletButton'), {
  ssr: false,
  loading: WalletButtonPlaceholder,
});

/**
 * wagmi + RainbowKit are the bulk of the client JavaScript; read-only pages load them after the first paint, so
 * their figures show (and hydrate) without waiting for wallet code. Until then a placeholder holds their room.
 */
export function LazyWalletButton({ devWalletReturning }: { devWalletReturning: boolean }) {
  return (
    <DevWalletReturning.Provider value={devWalletReturning}>
      <WalletButton />
    </DevWalletReturning.Provider>
  );
}

/** Takes the room of WalletButton: the dev account select if the dev wallet reconnects, ConnectButtonSlot's. */
function WalletButtonPlaceholder() {
  const devWalletReturning = useContext(DevWalletReturning);
  return (
    <>
      {devWalletReturning ? (
        <DevAccountPicker value={DEFAULT_DEV_ACCOUNT_INDEX} disabled>
          <option value={DEFAULT_DEV_ACCOUNT_INDEX}>#{DEFAULT_DEV_ACCOUNT_INDEX}</option>
        </DevAccountPicker>
      ) : null}
      <button
        type="button"
        disabled
        className="h-10 min-w-36 rounded-xl bg-amber-500/60 px-3.5 font-semibold text-ink"
        data-testid="wallet-button-loading"
      >
        Connect Wallet
      </button>
    </>
  );
}
