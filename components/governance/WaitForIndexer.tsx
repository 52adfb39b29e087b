'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Shown while the indexer has not seen a proposal yet: says so and reloads the server data every few seconds. */
export function WaitForIndexer({ message }: { message: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300" data-testid="proposal-waiting">
      {message}
    </p>
  );
}
