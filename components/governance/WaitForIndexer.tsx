'use client';

import { useRefreshEvery } from '@/components/ui/useRefreshEvery';

/** Shown while the indexer has not seen a proposal yet: says so and reloads the server data every few seconds. */
export function WaitForIndexer({ message }: { message: string }) {
  useRefreshEvery(2);
  return (
    <p className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300" data-testid="proposal-waiting">
      {message}
    </p>
  );
}
