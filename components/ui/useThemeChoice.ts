'use client';

import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';

/** The visitor's explicit choice on <html data-theme>, else "system" (the page's own colours follow the same rule). */
function readChoice(): ThemeChoice {
  const chosen = document.documentElement.dataset.theme;
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

/** The theme switch changes the attribute without a reload, so widgets that theme themselves must follow it live. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** For third-party widgets (toasts, the wallet modal) that take a theme prop instead of reading our CSS. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => 'system' as const);
}
