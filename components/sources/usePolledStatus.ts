'use client';

import { useState } from 'react';
import type { SourceStatus } from '@/lib/sources/status';

/**
 * The status of a source the browser polls (TanStack Query), with the start of the failure streak (the query keeps
 * only the time of its latest error). Until the browser's first own fetch, the server's status stands (a page rendered
 * from last-known data says so from the first paint).
 */
export function usePolledStatus(
  query: {
    error: Error | null;
    errorUpdatedAt: number;
    isFetchedAfterMount: boolean;
    dataUpdatedAt: number;
    data: unknown;
  },
  source: string,
  serverStatus: SourceStatus | null,
  shows: string | null,
): SourceStatus {
  const failing = query.error !== null;
  // The start of the failure streak, kept from render to render (React's "state from the previous render" pattern):
  // set at the first failing render, cleared at the first one that is not.
  const [firstError, setFirstError] = useState<number | null>(null);
  if (failing && firstError === null) setFirstError(query.errorUpdatedAt);
  if (!failing && firstError !== null) setFirstError(null);

  const readAt = query.data ? query.dataUpdatedAt : null;
  if (query.error) {
    const serverSince = serverStatus && serverStatus.state !== 'ok' ? serverStatus.since : Number.POSITIVE_INFINITY;
    const since = Math.min(firstError ?? query.errorUpdatedAt, serverSince);
    const reason = query.error.message;
    return readAt === null
      ? { source, state: 'down', readAt, reason, since, shows }
      : { source, state: 'stale', readAt, reason, since, ageMs: Math.max(0, query.errorUpdatedAt - readAt), shows };
  }
  if (!query.isFetchedAfterMount && serverStatus && serverStatus.state !== 'ok') return { ...serverStatus, shows };
  return { source, state: 'ok', readAt, shows };
}
