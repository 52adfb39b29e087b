'use client';

import { ConnectButtonSlot } from './ConnectButtonSlot';

/** What a page shows in place of its wallet panel until a wallet is connected. */
export function ConnectPrompt({ children }: { children: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-800 p-5">
      <p className="text-slate-300">{children}</p>
      <ConnectButtonSlot />
    </section>
  );
}
