'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import { DevAccountSelect } from './DevAccountSelect';

export function WalletButton() {
  return (
    <>
      <DevAccountSelect />
      <ConnectButton chainStatus="icon" showBalance={{ smallScreen: false, largeScreen: true }} />
    </>
  );
}
