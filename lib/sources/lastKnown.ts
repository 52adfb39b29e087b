import type { Clock } from './clock';
import { statusOf, type Reading } from './status';

/** The last good value of a source read on every request, and the current failure streak. */
export interface LastKnownState<T> {
  value: T | null;
  hasValue: boolean;
  readAt: number | null;
  failure: { source: string; reason: string; since: number } | null;
}

export function emptyLastKnownState<T>(): LastKnownState<T> {
  return { value: null, hasValue: false, readAt: null, failure: null };
}

/**
 * Reads on every call. On success the value is kept (if `remember` allows); on failure the last kept value is
 * answered with the failure. A failure streak keeps its start while the same upstream fails. `state` is null for a
 * source that keeps nothing yet and must not start to on a failure (keys from visitor input).
 */
export async function readFresh<T>(
  getState: (create: boolean) => LastKnownState<T> | null,
  source: { name: string; read: () => Promise<T>; describe: (e: unknown) => { reason: string; source?: string } },
  remember: ((value: T) => boolean) | undefined,
  clock: Clock,
): Promise<Reading<T>> {
  try {
    const value = await source.read();
    const at = clock();
    const state = !remember || remember(value) ? getState(true) : null;
    if (!state) return { value, status: { source: source.name, state: 'ok', readAt: at } };
    state.value = value;
    state.hasValue = true;
    state.readAt = at;
    state.failure = null;
    return { value, status: statusOf(state, source.name, at) };
  } catch (error) {
    const at = clock();
    const { reason, source: failed = source.name } = source.describe(error);
    const state = getState(remember === undefined) ?? emptyLastKnownState<T>();
    const since = state.failure?.source === failed ? state.failure.since : at;
    state.failure = { source: failed, reason, since };
    return { value: state.value, status: statusOf(state, source.name, at) };
  }
}
