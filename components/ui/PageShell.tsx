import type { ReactNode } from 'react';
import { SiteHeader } from './SiteHeader';

/** Header plus the page's main column; `actions` fills the header's right side (e.g. a wallet button). */
export function PageShell({ chainName, actions, children }: { chainName: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <>
      <SiteHeader chainName={chainName} actions={actions} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
