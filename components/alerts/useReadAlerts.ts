'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseReadIds, readStateKey, withRead } from '@/lib/alerts/readState';

// This tab's own writes; other tabs' arrive as storage events.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function safeGet(key: string | null): string | null {
  if (!key) return null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Which alerts this account has marked read, kept in localStorage per chain and account so it survives reloads
 * (and follows other tabs). Empty on the server and in the first render, which cannot know it.
 */
export function useReadAlerts(chainId: number, account: string | undefined) {
  const key = account ? readStateKey(chainId, account) : null;
  const stored = useSyncExternalStore(
    subscribe,
    () => safeGet(key),
    () => null,
  );
  const read = useMemo(() => parseReadIds(stored), [stored]);

  const markRead = useCallback(
    (ids: readonly string[]) => {
      if (!key) return;
      try {
        localStorage.setItem(key, JSON.stringify(withRead(parseReadIds(safeGet(key)), ids)));
      } catch {
        // Storage full or blocked: nothing to keep it in.
      }
      listeners.forEach((l) => l());
    },
    [key],
  );

  return { read, markRead };
}
