'use client';

import { useEffect, useState } from 'react';

/**
 * The current time in ms, ticking every `intervalMs`. Starts from `initialNow` (the server's render time) so the
 * first client render matches the server HTML, then follows the local clock.
 */
export function useNow(initialNow: number, intervalMs = 1000): number {
  const [now, setNow] = useState(initialNow);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // The first tick right after hydration, the next ones every interval.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
