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

/** The last element of every document's shell: the browser paints nothing before it has parsed this far. */
const SHELL_END_ID = 'shell-end';

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
      <head>
        {/* Chromium may paint while the HTML is still arriving or being parsed. A half-parsed table or header then
            grows sideways when the rest lands and moves what was already on screen, so the first paint waits for the
            whole shell (content streamed later behind a Suspense boundary still swaps in whole). */}
        <link rel="expect" href={`#${SHELL_END_ID}`} blocking="render" />
      </head>
      <body className="min-h-screen">
        {config.ok ? (
          <PublicConfigProvider config={config.config}>
            <QueryProvider>{children}</QueryProvider>
          </PublicConfigProvider>
        ) : (
          <ConfigErrorPage problems={config.problems} />
        )}
        <div id={SHELL_END_ID} hidden />
      </body>
    </html>
  );
}
