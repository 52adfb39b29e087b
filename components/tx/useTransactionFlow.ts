'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Hash } from 'viem';
import { useConfig, useSimulateContract, useWaitForTransactionReceipt, useWriteContract } from 'wagmi';
import { simulateContract } from 'wagmi/actions';
import { describeTxError, type TxProblem } from '@/lib/tx/describeTxError';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import type { TxRequest } from './txRequest';

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
 * One write from form to receipt: simulate (a revert is decoded and shown before any wallet opens), ask the wallet,
 * wait for the receipt, then refresh the data the write changed. `send` ignores calls while a send is in flight,
 * so a double click sends one transaction.
 */
export function useTransactionFlow({ request, description, invalidate, errorContext }: TransactionFlowOptions) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { writeContractAsync } = useWriteContract();
  const [state, setState] = useState<TxFlowState>({ status: 'idle' });
  const inFlight = useRef(false);
  const contextRef = useRef(errorContext);
  contextRef.current = errorContext;
  const invalidateRef = useRef(invalidate);
  invalidateRef.current = invalidate;

  const preview = useSimulateContract({
    ...(request ?? {}),
    query: { enabled: request !== undefined && state.status !== 'pending', retry: false },
  } as Parameters<typeof useSimulateContract>[0]);

  const receipt = useWaitForTransactionReceipt({
    hash: state.hash,
    query: { enabled: state.status === 'pending' && state.hash !== undefined },
  });

  useEffect(() => {
    if (state.status !== 'pending') return;
    if (receipt.data) {
      inFlight.current = false;
      if (receipt.data.status === 'success') {
        setState({ status: 'confirmed', hash: receipt.data.transactionHash, blockNumber: receipt.data.blockNumber });
      } else {
        setState({
          status: 'failed',
          hash: receipt.data.transactionHash,
          problem: { kind: 'revert', message: 'The transaction was mined but reverted: nothing changed except the gas paid.' },
        });
      }
      for (const queryKey of invalidateRef.current) void queryClient.invalidateQueries({ queryKey });
    } else if (receipt.error) {
      inFlight.current = false;
      setState((s) => ({ ...s, status: 'failed', problem: describeTxError(receipt.error, contextRef.current) }));
    }
  }, [receipt.data, receipt.error, state.status, queryClient]);

  const send = useCallback(
    async (override?: TxRequest): Promise<boolean> => {
      const toSend = override ?? request;
      if (!toSend || inFlight.current) return false;
      inFlight.current = true;
      try {
        setState({ status: 'simulating' });
        // Simulated again at send time: the preview may be a few blocks old.
        const simulated = await simulateContract(config, toSend as never);
        setState({ status: 'wallet' });
        const hash = await writeContractAsync(simulated.request as never);
        setState({ status: 'pending', hash });
        return true;
      } catch (error) {
        inFlight.current = false;
        setState({ status: 'failed', problem: describeTxError(error, contextRef.current) });
        return false;
      }
    },
    [config, request, writeContractAsync],
  );

  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: 'idle' });
  }, []);

  const previewProblem =
    request && preview.error && state.status !== 'pending' ? describeTxError(preview.error, errorContext) : null;

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
