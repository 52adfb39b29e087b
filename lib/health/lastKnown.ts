import { processWide } from '@/lib/server/processWide';

/** A source that failed: which one (e.g. "Chain RPC"), why, and since when (first failure of the streak, ms). */
export interface SourceFailure {
  source: string;
  message: string;
  since: number;
}

/** The newest value a read produced, when (ms since epoch), and the current failure if the latest read failed. */
export interface LastKnown<T> {
  value: T | null;
  fetchedAt: number | null;
  failure: SourceFailure | null;
}

interface Entry {
  value: unknown;
  fetchedAt: number | null;
  failure: SourceFailure | null;
}

/**
 * Remembers the last good result of a read that runs on every request (pages that must show fresh figures), so that
 * while its source is down the page can still show that result with its age. Kept on globalThis: every route bundle
 * of one server shares it.
 */
export function lastKnownStore<T>(key: string) {
  const entries = registry();
  const entry = entries.get(key) ?? { value: null, fetchedAt: null, failure: null };
  entries.set(key, entry);
  const snapshot = (): LastKnown<T> => ({ value: entry.value as T | null, fetchedAt: entry.fetchedAt, failure: entry.failure });
  return {
    succeeded(value: T, at = Date.now()): LastKnown<T> {
      entry.value = value;
      entry.fetchedAt = at;
      entry.failure = null;
      return snapshot();
    },
    failed(source: string, message: string, at = Date.now()): LastKnown<T> {
      const since = entry.failure?.source === source ? entry.failure.since : at;
      entry.failure = { source, message, since };
      return snapshot();
    },
  };
}

/** Runs `read` and records its outcome; `sourceOf` names the source that failed from the error. */
export async function readOrLastKnown<T>(
  key: string,
  read: () => Promise<T>,
  describe: (error: unknown) => { source: string; message: string },
): Promise<LastKnown<T>> {
  const store = lastKnownStore<T>(key);
  try {
    return store.succeeded(await read());
  } catch (error) {
    const { source, message } = describe(error);
    return store.failed(source, message);
  }
}

/** Whether a store for `key` exists: for reads keyed by visitor input, which must not create one per guess. */
export function hasLastKnown(key: string): boolean {
  return registry().has(key);
}

const registry = () => processWide('lastKnown', () => new Map<string, Entry>());
