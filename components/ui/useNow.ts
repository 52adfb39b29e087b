'use client';

import { useEffect, useState } from 'react';

/**
 * The current time in ms, ticking every `intervalMs`. Starts from `initialNow` (the server's render time) so the
 * first client render matches the server HTML, then follows the local clock.
 */
export function useNow(initialNow: number, intervalMs = 1000): number {
  const [now, setNow] = useState(initialNow);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
