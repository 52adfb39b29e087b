'use client';

import { Toaster } from 'sonner';
import { useThemeChoice } from '@/components/ui/useThemeChoice';

/**
 * Where transaction toasts appear: wallet routes only (/health ships no wallet code). Sonner announces them in a
 * polite live region, and Alt+T moves focus to them so the explorer link can be reached from the keyboard.
 */
export function TxToaster() {
  const theme = useThemeChoice();
  return <Toaster theme={theme} position="bottom-right" closeButton containerAriaLabel="Transaction notifications" />;
}
