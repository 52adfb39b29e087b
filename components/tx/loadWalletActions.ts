'use client';

import { useLoaded } from '@/components/ui/useLoaded';
import { loadOnce } from '@/lib/loadOnce';
import type { TxProblem } from '@/lib/tx/describeTxError';
import type { ErrorContext } from '@/lib/tx/errorMessages';

export type WalletActions = typeof import('./walletActions');

/** The write path's code, fetched once per page load however many forms ask for it. */
export const loadWalletActions = loadOnce<WalletActions>(() => import('./walletActions'));

/** The write path's code once loaded, else null; `wanted` starts the load (a form with something to simulate). */
export function useWalletActions(wanted: boolean): WalletActions | null {
  return useLoaded(loadWalletActions, wanted);
}

/** describeTxError, loaded with the write path; if that code cannot be fetched, says so instead. */
export async function describeTxErrorLazily(error: unknown, ctx: ErrorContext): Promise<TxProblem> {
  try {
    return (await loadWalletActions()).describeTxError(error, ctx);
  } catch (loadError) {
    const reason = loadError instanceof Error ? loadError.message : String(loadError);
    return {
      kind: 'rpc',
      message: `The app could not load its transaction code (${reason}). Check your connection and try again.`,
    };
  }
}
