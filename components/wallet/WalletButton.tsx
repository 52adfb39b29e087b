'use client';

import { ConnectButtonSlot } from './ConnectButtonSlot';
import { DevAccountSelect } from './DevAccountSelect';

/**
 * No native balance beside the address: the app's money is the vault asset, shown with the position, and the
 * balance would widen the connected button enough to wrap the header onto another line.
 */
export function WalletButton() {
  return (
    <>
      <DevAccountSelect />
      <ConnectButtonSlot chainStatus="icon" showBalance={false} />
    </>
  );
}
