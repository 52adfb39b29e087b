'use client';

import type { Hash } from 'viem';
import { explorerTxUrl, shortHash } from '@/lib/tx/explorerLink';
import type { TxOutcome } from '@/lib/tx/settleTransaction';
import { loadToastKit, type ToastKit } from './loadToastKit';

/** Every transaction toast carries it; the toast's `data-type` says where it is (loading, success, error). */
export const TX_TOAST_TEST_ID = 'tx-toast';

/** Long enough to read a sentence and reach the link; sonner pauses the timer while hovered or focused. */
const CONFIRMED_MS = 10_000;

function TxLink({ hash, explorerUrl }: { hash: Hash; explorerUrl: string | null }) {
  const url = explorerTxUrl(explorerUrl, hash);
  if (!url) {
    return (
      <span className="font-mono" title={hash} data-testid="tx-toast-hash">
        {shortHash(hash)}
      </span>
    );
  }
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium underline underline-offset-2"
      data-testid="tx-toast-link"
    >
      View on explorer<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** Shows a toast once sonner has loaded; a toast that cannot load is dropped (the form's status line says the same). */
function withToast(show: (toast: ToastKit['toast']) => void) {
  loadToastKit().then(
    ({ toast }) => show(toast),
    () => {},
  );
}

/**
 * One toast per sent transaction, keyed by the hash it was sent with, so each phase replaces the last in place (a
 * sped-up transaction keeps its toast and links to its replacement). Failures before anything is sent (a simulated
 * revert, a declined signature) stay next to the button that caused them.
 */
export const txToast = {
  pending(description: string, hash: Hash, explorerUrl: string | null) {
    withToast((toast) =>
      toast.loading(`${description} — pending`, {
        id: hash,
        testId: TX_TOAST_TEST_ID,
        description: <TxLink hash={hash} explorerUrl={explorerUrl} />,
        duration: Infinity,
      }),
    );
  },
  /** The end of the transaction sent as `sentHash`, wherever the user is by then. */
  settled(description: string, sentHash: Hash, outcome: TxOutcome, explorerUrl: string | null) {
    const common = { id: sentHash, testId: TX_TOAST_TEST_ID };
    const link = <TxLink hash={outcome.hash} explorerUrl={explorerUrl} />;
    withToast((toast) => showSettled(toast));
    function showSettled(toast: ToastKit['toast']) {
      switch (outcome.kind) {
        case 'confirmed':
          toast.success(`${description} — confirmed`, {
            ...common,
            description: (
              <>
                In block #{outcome.blockNumber.toString()} · {link}
              </>
            ),
            duration: CONFIRMED_MS,
          });
          return;
        case 'replaced':
          toast.warning(`${description} — replaced`, {
            ...common,
            description: (
              <>
                {outcome.message} {link}
              </>
            ),
            duration: Infinity,
          });
          return;
        case 'reverted':
        case 'lost':
          toast.error(`${description} — ${outcome.kind === 'lost' ? 'outcome unknown' : 'failed'}`, {
            ...common,
            description: (
              <>
                {outcome.message} {link}
              </>
            ),
            // A failure stays until it is dismissed: it may need acting on.
            duration: Infinity,
          });
      }
    }
  },
};
