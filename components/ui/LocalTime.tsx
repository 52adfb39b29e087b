'use client';

import { useId, useSyncExternalStore } from 'react';
import { formatLocalTime, formatUtcSeconds, isoInstant } from '@/lib/format/localTime';
import { formatUtc } from '@/lib/tranches/duration';

const neverChanges = () => () => {};

/**
 * A chain time: UTC as the server renders it, then the reader's own zone once the browser has hydrated (the first
 * client render matches the server's, so nothing mismatches). UTC stays one hover or Tab away in a tooltip, and is
 * the description screen readers announce.
 */
export function LocalTime({
  unix,
  seconds = false,
  className = '',
}: {
  unix: number;
  /** To the second, for freshness lines; minutes otherwise. */
  seconds?: boolean;
  className?: string;
}) {
  const inBrowser = useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
  const tooltipId = useId();
  const utc = seconds ? formatUtcSeconds(unix) : formatUtc(unix);
  return (
    <span className="group relative inline-block">
      <time
        dateTime={isoInstant(unix)}
        // Focusable so that keyboard readers reach the UTC time too.
        tabIndex={0}
        aria-describedby={tooltipId}
        className={`cursor-help underline decoration-slate-600 decoration-dotted underline-offset-2 focus:outline-none focus-visible:ring-1 focus-visible:ring-sky-400 ${className}`}
        data-testid="local-time"
        data-utc={utc}
        data-local={inBrowser ? 'yes' : 'no'}
      >
        {inBrowser ? formatLocalTime(unix, { seconds }) : utc}
      </time>
      <span
        id={tooltipId}
        role="tooltip"
        className="pointer-events-none absolute bottom-full left-0 z-20 mb-1 hidden rounded bg-slate-800 px-2 py-1 text-xs whitespace-nowrap text-slate-100 shadow group-focus-within:block group-hover:block"
      >
        {utc}
      </span>
    </span>
  );
}
