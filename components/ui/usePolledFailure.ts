'use client';

import { useEffect, useState } from 'react';
import type { SourceFailure } from '@/lib/health/lastKnown';

/**
 * The failure a client-polled read is in, with the start of its streak (TanStack Query only keeps the time of the
 * latest error), or null while it succeeds. Until the browser's first own fetch, the server's failure (if the page
 * was rendered from last-known data) stands.
 */
export function usePolledFailure(
  query: { error: Error | null; errorUpdatedAt: number; isFetchedAfterMount: boolean },
  source: string,
  serverFailure: SourceFailure | null,
): SourceFailure | null {
  const failing = query.error !== null;
  const [firstError, setFirstError] = useState<number | null>(null);
  useEffect(() => {
    if (!failing) setFirstError(null);
    else setFirstError((current) => current ?? (query.errorUpdatedAt || Date.now()));
  }, [failing, query.errorUpdatedAt]);

  if (query.error) {
    const candidates = [firstError ?? query.errorUpdatedAt, serverFailure?.since ?? Number.POSITIVE_INFINITY];
    return { source, message: query.error.message, since: Math.min(...candidates) };
  }
  if (!query.isFetchedAfterMount && serverFailure) return serverFailure;
  return null;
}
