'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import type { ComponentProps } from 'react';

/**
 * RainbowKit's button in a slot that holds its 40 px from the first paint. RainbowKit draws the button only once
 * mounted in the browser, and whatever sits beside or below it would otherwise move when it appears.
 */
export function ConnectButtonSlot(props: ComponentProps<typeof ConnectButton>) {
  return (
    <div className="min-h-10">
      <ConnectButton {...props} />
    </div>
  );
}
