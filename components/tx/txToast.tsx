'use client';

import { toast } from 'sonner';
import type { Hash } from 'viem';
import { explorerTxUrl, shortHash } from '@/lib/tx/explorerLink';

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
    <a href={url} target="_blank" rel="noopener noreferrer" className="font-medium underline underline-offset-2" data-testid="tx-toast-link">
      View on explorer<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/**
 * One toast per sent transaction, keyed by its hash, so each phase replaces the last in place. Failures before
 * anything is sent (a simulated revert, a declined signature) stay next to the button that caused them.
 */
export const txToast = {
  pending(description: string, hash: Hash, explorerUrl: string | null) {
    toast.loading(`${description} — pending`, {
      id: hash,
      testId: TX_TOAST_TEST_ID,
      description: <TxLink hash={hash} explorerUrl={explorerUrl} />,
      duration: Infinity,
    });
  },
  confirmed(description: string, hash: Hash, blockNumber: bigint, explorerUrl: string | null) {
    toast.success(`${description} — confirmed`, {
      id: hash,
      testId: TX_TOAST_TEST_ID,
      description: (
        <>
          In block #{blockNumber.toString()} · <TxLink hash={hash} explorerUrl={explorerUrl} />
        </>
      ),
      duration: CONFIRMED_MS,
    });
  },
  failed(description: string, hash: Hash, message: string, explorerUrl: string | null) {
    toast.error(`${description} — failed`, {
      id: hash,
      testId: TX_TOAST_TEST_ID,
      description: (
        <>
          {message} <TxLink hash={hash} explorerUrl={explorerUrl} />
        </>
      ),
      // A failure stays until it is dismissed: it may need acting on.
      duration: Infinity,
    });
  },
};
