'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Hash } from 'viem';
import { useConfig, type Config } from 'wagmi';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { configuredChains } from '@/lib/chain/chainParam';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { readPending, updatePending } from '@/lib/tx/pendingTransactions';
import { settleTransaction, type SettleDeps, type TxOutcome } from '@/lib/tx/settleTransaction';
import type { TxRequest } from '@/lib/tx/txRequest';
import { loadWalletActions } from './loadWalletActions';
import { txToast } from './txToast';

/** A sent transaction as the tracker follows it. */
export interface TrackedTransaction {
  hash: Hash;
  /** The chain it was sent on (the page's: several chains may be configured). */
  chainId: number;
  /** What it does, in words, as at send time. */
  description: string;
  /** The write as sent: replayed at its block to decode a revert (unknown for one picked up after a reload). */
  request?: TxRequest;
  /** Query keys whose data it changes: invalidated once it settles, whichever page is shown by then. */
  invalidate: readonly QueryKey[];
  errorContext?: ErrorContext;
}

type Track = (tx: TrackedTransaction) => Promise<TxOutcome>;

const TxTrackerContext = createContext<Track | null>(null);

/**
 * Follows every sent transaction above the routes (it sits in the wallet provider), so that its toast settles and
 * its queries refresh even when the page that sent it is gone: the form only listens while it is mounted.
 */
export function TxTrackerProvider({ children }: { children: ReactNode }) {
  const config = useConfig();
  const queryClient = useQueryClient();
  // Above the chain scope: every configured chain, to follow a transaction on whichever it was sent.
  const root = usePublicConfig();
  const following = useRef(new Map<Hash, Promise<TxOutcome>>());

  const track = useCallback<Track>(
    (tx) => {
      const known = following.current.get(tx.hash);
      if (known) return known;
      const { chainId } = tx;
      const explorerUrl = configuredChains(root).find((c) => c.chainId === chainId)?.explorerUrl ?? null;
      txToast.pending(tx.description, tx.hash, explorerUrl);
      const storage = tabStorage();
      if (storage)
        updatePending(storage, { add: { hash: tx.hash, description: tx.description, chainId, sentAt: Date.now() } });
      const settled = settleTransaction(tx.hash, chainAccess(config, tx)).then((outcome) => {
        following.current.delete(tx.hash);
        if (storage) updatePending(storage, { remove: tx.hash });
        txToast.settled(tx.description, tx.hash, outcome, explorerUrl);
        for (const queryKey of tx.invalidate) void queryClient.invalidateQueries({ queryKey });
        return outcome;
      });
      following.current.set(tx.hash, settled);
      return settled;
    },
    [config, queryClient, root],
  );

  // After a reload, or a visit to a page without the wallet code: what this tab sent and did not see settle.
  useEffect(() => {
    const storage = tabStorage();
    for (const { chainId } of configuredChains(root)) {
      for (const pending of storage ? readPending(storage, chainId, Date.now()) : []) {
        void track({ hash: pending.hash, chainId, description: pending.description, invalidate: [] });
      }
    }
  }, [track, root]);

  return <TxTrackerContext.Provider value={track}>{children}</TxTrackerContext.Provider>;
}

/** The tab's sessionStorage, or null where reading it throws (storage disabled, sandboxed frames). */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The tracker of the wallet provider this component sits in. */
export function useTxTracker(): Track {
  const track = useContext(TxTrackerContext);
  if (!track) throw new Error('useTxTracker needs TxTrackerProvider (WalletProviders) above it');
  return track;
}

function chainAccess(config: Config, tx: TrackedTransaction): SettleDeps {
  return {
    // No timeout (wagmi's default): a transaction may wait long in a busy mempool; RPC failures end the wait instead.
    waitForReceipt: async (hash, onReplaced) =>
      (await loadWalletActions()).waitForTransactionReceipt(config, {
        hash,
        chainId: tx.chainId,
        onReplaced: (replacement) => onReplaced({ reason: replacement.reason, hash: replacement.transaction.hash }),
      }),
    getReceipt: async (hash) => {
      const receipt = await (await loadWalletActions()).getTransactionReceipt(config, { hash, chainId: tx.chainId });
      return { transactionHash: receipt.transactionHash, blockNumber: receipt.blockNumber, status: receipt.status };
    },
    // The state after the transaction's block is what made it revert (the form simulated it just before sending).
    revertReason: async (receipt) => {
      if (!tx.request || !tx.errorContext) return null;
      const { describeTxError, simulateContract } = await loadWalletActions();
      try {
        await simulateContract(config, { ...tx.request, chainId: tx.chainId, blockNumber: receipt.blockNumber });
        return null;
      } catch (error) {
        const problem = describeTxError(error, tx.errorContext);
        return problem.kind === 'revert' ? problem.message : null;
      }
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
