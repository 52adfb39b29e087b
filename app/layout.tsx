import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { ConfigErrorPage } from '@/components/ui/ConfigErrorPage';
import { PublicConfigProvider } from '@/components/ui/PublicConfigProvider';
import { QueryProvider } from '@/components/ui/QueryProvider';
import { getConfig } from '@/lib/chain/config';
import { admitRender } from '@/lib/server/admitRender';
import { dataThemeAttribute, parseThemePreference, THEME_COOKIE } from '@/lib/theme/themePreference';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Backstop', template: '%s · Backstop' },
  description: "Live state of a clearinghouse's tranched backstop module.",
};

/**
 * Root layout: no wallet code here. Routes that transact sit in the (wallet) group, whose layout adds wagmi and
 * RainbowKit; public read-only pages (e.g. /health) stay outside it and ship only React, Next and TanStack Query.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Configuration comes from the server's environment at request time, so one build serves any network. Every
  // document render, pages and not-found alike, waits here for its turn (lib/server/admitRender.ts).
  await admitRender();
  const config = getConfig();
  const theme = dataThemeAttribute(parseThemePreference((await cookies()).get(THEME_COOKIE)?.value));

  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen">
        {config.ok ? (
          <PublicConfigProvider config={config.config}>
            <QueryProvider>{children}</QueryProvider>
          </PublicConfigProvider>
        ) : (
          <ConfigErrorPage problems={config.problems} />
        )}
      </body>
    </html>
  );
}
