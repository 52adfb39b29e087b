import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ConfigErrorPage } from '@/components/ui/ConfigErrorPage';
import { PublicConfigProvider } from '@/components/ui/PublicConfigProvider';
import { QueryProvider } from '@/components/ui/QueryProvider';
import { getConfig } from '@/lib/chain/config';
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
  // Configuration comes from the server's environment at request time, so one build serves any network.
  await connection();
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
