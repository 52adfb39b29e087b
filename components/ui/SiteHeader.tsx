import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { parseThemePreference, THEME_COOKIE } from '@/lib/theme/themePreference';
import { ThemeToggle } from './ThemeToggle';

/** A header link; the wallet pages pass one that keeps the chain in scope (components/chains/ChainLink.tsx). */
export type NavLink = (props: {
  href: string;
  className: string;
  'data-testid': string;
  children: ReactNode;
}) => ReactNode;

const plainLink: NavLink = (props) => <Link {...props} />;

/**
 * The top bar. `actions` is where a route group puts its wallet button; public pages leave it empty and so
 * ship no wallet code. `chain` is the chain's name, or the wallet pages' chain picker.
 */
export async function SiteHeader({
  chain,
  actions,
  navLink = plainLink,
}: {
  chain: ReactNode;
  actions?: ReactNode;
  navLink?: NavLink;
}) {
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b border-slate-800 bg-slate-950/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link href="/" className="text-lg font-semibold tracking-tight text-slate-50">
            Backstop
          </Link>
          {chain}
          <nav aria-label="Main" className="flex items-center gap-3 text-sm">
            <Link href="/health" className="text-slate-400 hover:text-slate-100" data-testid="nav-health">
              Health
            </Link>
            {navLink({
              href: '/tranches',
              className: 'text-slate-400 hover:text-slate-100',
              'data-testid': 'nav-tranches',
              children: 'Tranches',
            })}
            {navLink({
              href: '/governance',
              className: 'text-slate-400 hover:text-slate-100',
              'data-testid': 'nav-governance',
              children: 'Governance',
            })}
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ThemeToggle initial={theme} />
          {actions}
        </div>
      </div>
    </header>
  );
}
