import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { parseThemePreference, THEME_COOKIE } from '@/lib/theme/themePreference';
import { ThemeToggle } from './ThemeToggle';

/**
 * The top bar. `actions` is where a route group puts its wallet button; public pages leave it empty and so
 * ship no wallet code.
 */
export async function SiteHeader({ chainName, actions }: { chainName: string; actions?: ReactNode }) {
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b border-slate-800 bg-slate-950/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link href="/" className="text-lg font-semibold tracking-tight text-slate-50">
            Backstop
          </Link>
          <span
            className="rounded-full border border-slate-700 px-2 py-0.5 text-xs text-slate-400"
            data-testid="chain-name"
          >
            {chainName}
          </span>
          <nav aria-label="Main" className="flex items-center gap-3 text-sm">
            <Link href="/health" className="text-slate-400 hover:text-slate-100" data-testid="nav-health">
              Health
            </Link>
            <Link href="/tranches" className="text-slate-400 hover:text-slate-100" data-testid="nav-tranches">
              Tranches
            </Link>
            <Link href="/governance" className="text-slate-400 hover:text-slate-100" data-testid="nav-governance">
              Governance
            </Link>
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
