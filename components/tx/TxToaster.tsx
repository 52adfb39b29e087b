'use client';

import { useEffect, useState } from 'react';
import { useThemeChoice } from '@/components/ui/useThemeChoice';
import { loadToastKit, type ToastKit } from './loadToastKit';

/**
 * Where transaction toasts appear: wallet routes only (/health ships no wallet code). Sonner announces them in a
 * polite live region, and Alt+T moves focus to them so the explorer link can be reached from the keyboard.
 * Sonner loads after hydration: a toast raised before its Toaster mounts is shown when it does.
 */
export function TxToaster() {
  const theme = useThemeChoice();
  const [kit, setKit] = useState<ToastKit | null>(null);
  useEffect(() => {
    let live = true;
    loadToastKit().then(
      (loaded) => live && setKit(loaded),
      () => {}, // the next toast tries again
    );
    return () => {
      live = false;
    };
  }, []);
  if (!kit) return null;
  const { Toaster } = kit;
  return <Toaster theme={theme} position="bottom-right" closeButton containerAriaLabel="Transaction notifications" />;
}
