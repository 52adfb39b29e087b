'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders a server page every `seconds` while the calling component is mounted (none when seconds is unset). */
export function useRefreshEvery(seconds: number | undefined): void {
  const router = useRouter();
  useEffect(() => {
    if (!seconds) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
}
