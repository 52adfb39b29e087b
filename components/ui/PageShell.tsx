import type { ReactNode } from 'react';
import { SiteHeader, type NavLink } from './SiteHeader';

/**
 * Header plus the page's main column; `actions` fills the header's right side (e.g. a wallet button). The first tab
 * stop is a skip link, so keyboard users need not cross the header on every page. `chain` replaces the chain's name
 * (the wallet pages' chain picker), `navLink` the header's links.
 */
export function PageShell({
  chainName,
  chain,
  navLink,
  actions,
  children,
}: {
  chainName: string;
  chain?: ReactNode;
  navLink?: NavLink;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-amber-500 focus:px-3 focus:py-2 focus:font-semibold focus:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
        data-testid="skip-link"
      >
        Skip to content
      </a>
      <SiteHeader
        chain={
          chain ?? (
            <span
              className="rounded-full border border-slate-700 px-2 py-0.5 text-xs text-slate-400"
              data-testid="chain-name"
            >
              {chainName}
            </span>
          )
        }
        navLink={navLink}
        actions={actions}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
