'use client';

import { useRefreshEvery } from '@/components/ui/useRefreshEvery';

/** In place of what a source has not delivered yet (a proposal not indexed yet): why, re-reading every 2 s. A part of SourceNotices. */
export function WaitingNotice({ message }: { message: string }) {
  useRefreshEvery(2);
  return (
    <p
      className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300"
      data-testid="proposal-waiting"
    >
      {message}
    </p>
  );
}
