'use client';

import { ConnectButtonSlot } from './ConnectButtonSlot';
import { DevAccountSelect } from './DevAccountSelect';

export function WalletButton() {
  return (
    <>
      <DevAccountSelect />
      <ConnectButtonSlot chainStatus="icon" showBalance={{ smallScreen: false, largeScreen: true }} />
    </>
  );
}
