'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import type { ComponentProps } from 'react';

/**
 * RainbowKit's button in a slot that holds its room (40 px high, as wide as "Connect Wallet") from the first paint.
 * RainbowKit draws the button only once mounted in the browser, and whatever sits beside or below it would
 * otherwise move when it appears, or wrap onto another line in a narrow header.
 */
export function ConnectButtonSlot(props: ComponentProps<typeof ConnectButton>) {
  return (
    <div className="min-h-10 min-w-36">
      <ConnectButton {...props} />
    </div>
  );
}
