'use client';

import { useState, type FormEvent } from 'react';
import {
  dataThemeAttribute,
  THEME_COOKIE,
  THEME_COOKIE_MAX_AGE_SECONDS,
  THEME_PREFERENCES,
  type ThemePreference,
} from '@/lib/theme/themePreference';

const LABELS: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * System / Light / Dark. A plain form that works without JavaScript (the server sets the cookie and sends the page
 * back); with JavaScript the switch is instant and the page is not reloaded.
 */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [preference, setPreference] = useState(initial);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen = THEME_PREFERENCES.find((p) => p === submitter?.value);
    if (!chosen) return;
    event.preventDefault();
    const attribute = dataThemeAttribute(chosen);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    const secure = window.location.protocol === 'https:' ? '; secure' : '';
    document.cookie =
      chosen === 'system'
        ? `${THEME_COOKIE}=; path=/; max-age=0`
        : `${THEME_COOKIE}=${chosen}; path=/; max-age=${THEME_COOKIE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
    setPreference(chosen);
  }

  return (
    <form method="post" action="/api/theme" onSubmit={onSubmit} data-testid="theme-toggle">
      <div role="group" aria-label="Colour theme" className="flex rounded-lg border border-slate-700 p-0.5 text-xs">
        {THEME_PREFERENCES.map((option) => (
          <button
            key={option}
            type="submit"
            name="theme"
            value={option}
            aria-pressed={preference === option}
            className={`rounded-md px-2 py-1 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-400 ${
              preference === option ? 'bg-slate-800 text-slate-50' : 'text-slate-400 hover:text-slate-100'
            }`}
          >
            {LABELS[option]}
          </button>
        ))}
      </div>
    </form>
  );
}
