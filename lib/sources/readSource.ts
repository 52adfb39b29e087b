import { processWide } from '@/lib/server/processWide';
import { systemClock, type Clock } from './clock';
import { emptyLastKnownState, readFresh, type LastKnownState } from './lastKnown';
import { emptySharedState, readShared, type SharedState } from './sharedCache';
import type { Source } from './source';
import type { Reading } from './status';

/** Every source's state between requests, by source key. */
export type SourceRegistry = Map<string, SharedState<unknown> | LastKnownState<unknown>>;

/**
 * The one process-wide registry. Next bundles each route (pages, /api/health, the CSVs…) separately, each with its
 * own copy of this module, and reloads modules in dev: module-level state would be per route and lost on reload, and
 * with it the one-read-per-interval bound and the last-known values. So the registry lives on globalThis.
 */
export const processSources = (): SourceRegistry => processWide('sources', (): SourceRegistry => new Map());

export interface ReadOptions {
  clock?: Clock;
  registry?: SourceRegistry;
}

/** Reads `source` under its policy; never throws (a failure is in the status). */
export function readSource<T>(
  source: Source<T>,
  { clock = systemClock, registry = processSources() }: ReadOptions = {},
): Promise<Reading<T>> {
  const policy = source.policy;
  if (policy.kind === 'shared') {
    let state = registry.get(source.key) as SharedState<T> | undefined;
    if (!state) registry.set(source.key, (state = emptySharedState<T>(source.read)) as SharedState<unknown>);
    return readShared(state, source, policy.ttlMs, clock);
  }
  const getState = (create: boolean): LastKnownState<T> | null => {
    let state = registry.get(source.key) as LastKnownState<T> | undefined;
    if (!state && create) registry.set(source.key, (state = emptyLastKnownState<T>()) as LastKnownState<unknown>);
    return state ?? null;
  };
  return readFresh(getState, source, policy.remember, clock);
}
