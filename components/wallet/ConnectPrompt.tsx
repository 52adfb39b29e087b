'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';

/**
 * What a page shows in place of its wallet panel until a wallet is connected. RainbowKit draws its button only once
 * mounted in the browser; the slot keeps the button's 40 px from the first paint, so nothing below it moves then.
 */
export function ConnectPrompt({ children }: { children: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-800 p-5">
      <p className="text-slate-300">{children}</p>
      <div className="min-h-10">
        <ConnectButton />
      </div>
    </section>
  );
}
