'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Hash } from 'viem';
import { useAccount, useConfig, useSimulateContract, useWaitForTransactionReceipt, useWriteContract } from 'wagmi';
import { getAccount, simulateContract } from 'wagmi/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { describeTxError, type TxProblem } from '@/lib/tx/describeTxError';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { walletChainProblem } from '@/lib/tx/walletChain';
import type { TxRequest } from './txRequest';
import { txToast } from './txToast';

export type TxStatus = 'idle' | 'simulating' | 'wallet' | 'pending' | 'confirmed' | 'failed';

export interface TxFlowState {
  status: TxStatus;
  hash?: Hash;
  blockNumber?: bigint;
  problem?: TxProblem;
}

export interface TransactionFlowOptions {
  /** The write, or undefined while the form is not ready; it is simulated as it changes. */
  request: TxRequest | undefined;
  /** What the transaction does, in words ("Deposit 1,000 tUSD into Mezzanine"). */
  description: string;
  /** TanStack query keys whose data the transaction changes; refetched once it is confirmed. */
  invalidate: readonly QueryKey[];
  errorContext: ErrorContext;
}

/**
 * One write from form to receipt: check the wallet is on the deployment's chain, simulate (a revert is decoded and
 * shown before any wallet opens), ask the wallet, wait for the receipt, then refresh the data the write changed.
 * Once sent, a toast follows the transaction to its receipt. `send` ignores calls while a send is in flight, so a
 * double click sends one transaction.
 */
export function useTransactionFlow({ request, description, invalidate, errorContext }: TransactionFlowOptions) {
  const config = useConfig();
  const publicConfig = usePublicConfig();
  const { chainId: walletChainId, isConnected } = useAccount();
  const queryClient = useQueryClient();
  const { writeContractAsync } = useWriteContract();
  const [state, setState] = useState<TxFlowState>({ status: 'idle' });
  const inFlight = useRef(false);
  const contextRef = useRef(errorContext);
  contextRef.current = errorContext;
  const invalidateRef = useRef(invalidate);
  invalidateRef.current = invalidate;
  // What the toasts call the transaction: the words at send time, not those of a form cleared since.
  const sentDescription = useRef(description);
  const { explorerUrl } = publicConfig;

  const chainProblem = isConnected ? walletChainProblem(walletChainId, publicConfig) : null;
  const preview = useSimulateContract({
    ...(request ?? {}),
    query: { enabled: request !== undefined && isConnected && chainProblem === null && state.status !== 'pending', retry: false },
  } as Parameters<typeof useSimulateContract>[0]);

  const receipt = useWaitForTransactionReceipt({
    hash: state.hash,
    query: { enabled: state.status === 'pending' && state.hash !== undefined },
  });

  useEffect(() => {
    if (state.status !== 'pending') return;
    if (receipt.data) {
      inFlight.current = false;
      const { transactionHash: hash, blockNumber } = receipt.data;
      if (receipt.data.status === 'success') {
        setState({ status: 'confirmed', hash, blockNumber });
        txToast.confirmed(sentDescription.current, hash, blockNumber, explorerUrl);
      } else {
        const problem: TxProblem = { kind: 'revert', message: 'The transaction was mined but reverted: nothing changed except the gas paid.' };
        setState({ status: 'failed', hash, problem });
        txToast.failed(sentDescription.current, hash, problem.message, explorerUrl);
      }
      for (const queryKey of invalidateRef.current) void queryClient.invalidateQueries({ queryKey });
    } else if (receipt.error) {
      inFlight.current = false;
      const problem = describeTxError(receipt.error, contextRef.current);
      setState((s) => ({ ...s, status: 'failed', problem }));
      if (state.hash) txToast.failed(sentDescription.current, state.hash, problem.message, explorerUrl);
    }
  }, [receipt.data, receipt.error, state.status, state.hash, queryClient, explorerUrl]);

  const send = useCallback(
    async (override?: TxRequest): Promise<boolean> => {
      const toSend = override ?? request;
      if (!toSend || inFlight.current) return false;
      // Read now, not from the last render: the wallet may have switched network since.
      const wrongChain = walletChainProblem(getAccount(config).chainId, publicConfig);
      if (wrongChain) {
        setState({ status: 'failed', problem: wrongChain });
        return false;
      }
      inFlight.current = true;
      sentDescription.current = description;
      try {
        setState({ status: 'simulating' });
        // Simulated again at send time: the preview may be a few blocks old.
        const simulated = await simulateContract(config, toSend as never);
        setState({ status: 'wallet' });
        const hash = await writeContractAsync(simulated.request as never);
        setState({ status: 'pending', hash });
        txToast.pending(description, hash, explorerUrl);
        return true;
      } catch (error) {
        inFlight.current = false;
        setState({ status: 'failed', problem: describeTxError(error, contextRef.current) });
        return false;
      }
    },
    [config, publicConfig, request, description, explorerUrl, writeContractAsync],
  );

  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: 'idle' });
  }, []);

  const previewProblem =
    request && state.status !== 'pending'
      ? (chainProblem ?? (preview.error ? describeTxError(preview.error, errorContext) : null))
      : null;

  return {
    description,
    state,
    send,
    reset,
    busy: state.status === 'simulating' || state.status === 'wallet' || state.status === 'pending',
    /** The decoded revert the current request would hit, known before the wallet opens. */
    previewProblem,
    previewing: request !== undefined && preview.isFetching,
  };
}

export type TransactionFlow = ReturnType<typeof useTransactionFlow>;
