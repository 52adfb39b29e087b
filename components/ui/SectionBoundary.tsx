'use client';

import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

/**
 * Keeps a failure inside one section of a page: the rest of the page stays, and this section says what failed and
 * offers a retry. No Suspense boundary here on purpose: content streamed into one stays hidden until JavaScript swaps
 * it in, and the public pages must read without JavaScript. A failure while the server renders is left to
 * app/error.tsx; the reads that can fail are caught before rendering and shown as banners.
 */
export function SectionBoundary({ name, children }: { name: string; children: ReactNode }) {
  return <ErrorBoundary fallbackRender={(props) => <SectionFailed name={name} {...props} />}>{children}</ErrorBoundary>;
}

function SectionFailed({ name, error, resetErrorBoundary }: FallbackProps & { name: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div
      role="alert"
      data-testid="section-failed"
      className="rounded-xl border border-rose-900 bg-rose-950/40 p-4 text-sm"
    >
      <p className="font-semibold text-rose-200">{name} could not be shown.</p>
      <p className="mt-1 text-slate-300">
        The rest of the page is unaffected.{' '}
        {message ? <span className="text-slate-400">({truncate(message)})</span> : null}
      </p>
      <button
        type="button"
        onClick={resetErrorBoundary}
        className="mt-3 rounded-md border border-slate-600 px-3 py-1 text-slate-100 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-amber-400"
      >
        Try again
      </button>
    </div>
  );
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
