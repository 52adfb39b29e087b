'use client';

/** The last line of defence: a page whose own sections could not contain a failure still shows the site and a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16" role="alert">
      <h1 className="text-2xl font-semibold text-slate-50">This page could not be shown</h1>
      <p className="mt-3 text-slate-300">
        Something failed while rendering it{error.digest ? ` (reference ${error.digest}, in the server log)` : ''}. Your
        funds are not affected: nothing is sent without your wallet&apos;s confirmation.
      </p>
      <div className="mt-6 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-amber-500 px-4 py-2 font-semibold text-ink hover:bg-amber-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
        >
          Try again
        </button>
        <a
          href="/health"
          className="rounded-lg border border-slate-700 px-4 py-2 text-slate-200 hover:border-slate-500"
        >
          Public health page
        </a>
      </div>
    </main>
  );
}
