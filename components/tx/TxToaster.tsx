'use client';

import { useLoaded } from '@/components/ui/useLoaded';
import { useThemeChoice } from '@/components/ui/useThemeChoice';
import { loadToastKit } from './loadToastKit';

/**
 * Where transaction toasts appear: wallet routes only (/health ships no wallet code). Sonner announces them in a
 * polite live region, and Alt+T moves focus to them so the explorer link can be reached from the keyboard.
 * Sonner loads after hydration: a toast raised before its Toaster mounts is shown when it does.
 */
export function TxToaster() {
  const theme = useThemeChoice();
  const kit = useLoaded(loadToastKit);
  if (!kit) return null;
  const { Toaster } = kit;
  return <Toaster theme={theme} position="bottom-right" closeButton containerAriaLabel="Transaction notifications" />;
}
