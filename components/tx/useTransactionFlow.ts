'use client';

import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Abi, Hash } from 'viem';
import { serialize, useAccount, useConfig } from 'wagmi';
import { getAccount } from 'wagmi/actions';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { TxProblem } from '@/lib/tx/describeTxError';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import type { TxOutcome } from '@/lib/tx/settleTransaction';
import type { TxRequest, WriteFunctionName } from '@/lib/tx/txRequest';
import { walletChainProblem } from '@/lib/tx/walletChain';
import { describeTxErrorLazily, loadWalletActions, useWalletActions } from './loadWalletActions';
import { useTxTracker } from './TxTracker';

export type TxStatus = 'idle' | 'simulating' | 'wallet' | 'pending' | 'confirmed' | 'failed';

export interface TxFlowState {
  status: TxStatus;
  hash?: Hash;
  blockNumber?: bigint;
  problem?: TxProblem;
}

export interface TransactionFlowOptions<abi extends Abi, functionName extends WriteFunctionName<abi>> {
  /** The write, or undefined while the form is not ready; it is simulated as it changes. */
  request: TxRequest<abi, functionName> | undefined;
  /** What the transaction does, in words ("Deposit 1,000 tUSD into Mezzanine"). */
  description: string;
  /** TanStack query keys whose data the transaction changes; refetched once it settles, even after the form is gone. */
  invalidate: readonly QueryKey[];
  errorContext: ErrorContext;
}

/**
 * One write from form to receipt: check the wallet is on the deployment's chain, simulate (a revert is decoded and
 * shown before any wallet opens), ask the wallet, then hand the hash to the wallet provider's tracker, which follows
 * it to its receipt with a toast and refreshes the data the write changed, whether or not this form is still shown.
 * `send` ignores calls while a send is in flight, so a double click sends one transaction.
 * The simulating, sending and error-decoding code loads when the form first has a request (loadWalletActions.ts).
 */
export function useTransactionFlow<const abi extends Abi, functionName extends WriteFunctionName<abi>>({
  request,
  description,
  invalidate,
  errorContext,
}: TransactionFlowOptions<abi, functionName>) {
  const config = useConfig();
  const publicConfig = usePublicConfig();
  const { address, chainId: walletChainId, isConnected } = useAccount();
  // The page's chain (ChainScope), not wagmi's current one, which follows the wallet.
  const appChainId = publicConfig.chainId;
  const track = useTxTracker();
  const [state, setState] = useState<TxFlowState>({ status: 'idle' });
  const inFlight = useRef(false);
  // The latest context and keys for the callbacks below, without making them change identity on every render.
  const contextRef = useRef(errorContext);
  const invalidateRef = useRef(invalidate);
  useLayoutEffect(() => {
    contextRef.current = errorContext;
    invalidateRef.current = invalidate;
  });

  const chainProblem = isConnected ? walletChainProblem(walletChainId, publicConfig) : null;
  const previewed: TxRequest | undefined = request;
  const previewEnabled = previewed !== undefined && isConnected && chainProblem === null && state.status !== 'pending';
  const actions = useWalletActions(previewEnabled);
  const preview = useQuery({
    queryKey: ['simulateContract', appChainId, address ?? null, previewed ? requestKey(previewed) : null],
    queryFn: async () => {
      if (!previewed) throw new Error('nothing to simulate');
      const { simulateContract } = await loadWalletActions();
      return simulateContract(config, {
        ...previewed,
        account: previewed.account ?? address,
        chainId: previewed.chainId ?? appChainId,
      });
    },
    enabled: previewEnabled,
    retry: false,
  });

  const send = useCallback<SendTx>(
    async (override) => {
      const toSend: TxRequest | undefined = override ?? request;
      if (!toSend || inFlight.current) return false;
      // Read now, not from the last render: the wallet may have switched network since.
      const wrongChain = walletChainProblem(getAccount(config).chainId, publicConfig);
      if (wrongChain) {
        setState({ status: 'failed', problem: wrongChain });
        return false;
      }
      inFlight.current = true;
      try {
        setState({ status: 'simulating' });
        const { simulateContract, writeContract } = await loadWalletActions();
        // Simulated again at send time: the preview may be a few blocks old.
        const simulated = await simulateContract(config, { ...toSend, chainId: appChainId });
        setState({ status: 'wallet' });
        const hash = await writeContract(config, simulated.request);
        setState({ status: 'pending', hash });
        // The words at send time, not those of a form cleared since.
        void track({
          hash,
          chainId: appChainId,
          description,
          request: toSend,
          invalidate: invalidateRef.current,
          errorContext: contextRef.current,
        }).then((outcome) => {
          inFlight.current = false;
          setState(stateOf(outcome));
        });
        return true;
      } catch (error) {
        inFlight.current = false;
        setState({ status: 'failed', problem: await describeTxErrorLazily(error, contextRef.current) });
        return false;
      }
    },
    [config, publicConfig, appChainId, request, description, track],
  );

  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: 'idle' });
  }, []);

  const previewProblem =
    request && state.status !== 'pending'
      ? (chainProblem ?? (preview.error && actions ? actions.describeTxError(preview.error, errorContext) : null))
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

/** Sends the flow's request, or `override` in its place (a request known only at click time, e.g. a signed permit). */
type SendTx = <abi extends Abi, functionName extends WriteFunctionName<abi>>(
  override?: TxRequest<abi, functionName>,
) => Promise<boolean>;

/** The request as a query key: its target, function and arguments (wagmi's serializer, which keeps bigints). */
function requestKey(request: TxRequest): string {
  const { address, functionName, args, account, chainId } = request;
  return serialize([address, functionName, args, account, chainId]);
}

/** The form's status line for a settled transaction (the toast says the same). */
function stateOf(outcome: TxOutcome): TxFlowState {
  switch (outcome.kind) {
    case 'confirmed':
      return { status: 'confirmed', hash: outcome.hash, blockNumber: outcome.blockNumber };
    case 'reverted':
      return { status: 'failed', hash: outcome.hash, problem: { kind: 'revert', message: outcome.message } };
    case 'replaced':
      return { status: 'failed', hash: outcome.hash, problem: { kind: 'replaced', message: outcome.message } };
    case 'lost':
      return { status: 'failed', hash: outcome.hash, problem: { kind: 'rpc', message: outcome.message } };
  }
}
