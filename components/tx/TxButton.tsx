'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useAccount, useSwitchChain } from 'wagmi';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { useConnectUi } from '@/components/wallet/ConnectUi';
import { pageOnChain } from '@/lib/chain/chainParam';
import { wrongChainText } from '@/lib/tx/walletChain';
import { TxStatusLine } from './TxStatusLine';
import type { TransactionFlow } from './useTransactionFlow';

const base =
  'rounded-lg px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50';
const primary = `${base} bg-amber-500 text-ink hover:bg-amber-400`;

/**
 * The action button of a transaction flow, with what it needs first: a connected wallet on the right network.
 * `blocked` says the form's input is invalid: the field shows why, so the simulated revert is not shown as well. The
 * button stays clickable so that a click names the problem at the field; `onSend` then validates and sends nothing.
 * `onSend` also replaces the plain send when a step must run first (e.g. signing a permit).
 */
export function TxButton({
  flow,
  label,
  testId,
  blocked = false,
  onSend,
}: {
  flow: TransactionFlow;
  label: string;
  testId: string;
  blocked?: boolean;
  onSend?: () => void;
}) {
  const { isConnected, chainId: walletChainId } = useAccount();
  const publicConfig = usePublicConfig();
  const appChainId = publicConfig.chainId; // the page's chain (ChainScope), not wagmi's, which follows the wallet
  const { switchChain, isPending: switching, error: switchError } = useSwitchChain();
  const { openConnectModal } = useConnectUi();
  const pathname = usePathname();
  const search = useSearchParams().toString();

  if (!isConnected) {
    return (
      <button type="button" className={primary} onClick={openConnectModal} data-testid={`${testId}-connect`}>
        Connect a wallet to {label.toLowerCase()}
      </button>
    );
  }
  if (walletChainId !== appChainId) {
    const walletChain = publicConfig.otherChains?.find((c) => c.chainId === walletChainId);
    return (
      <div className="space-y-2">
        <p className="text-sm text-amber-200" data-testid={`${testId}-wrong-chain`}>
          {walletChainId === undefined
            ? 'Your wallet is on another network.'
            : wrongChainText(walletChainId, publicConfig)}
        </p>
        <button
          type="button"
          className={primary}
          disabled={switching}
          onClick={() => switchChain({ chainId: appChainId })}
          data-testid={`${testId}-switch`}
        >
          {switching ? 'Switching…' : `Switch wallet to ${publicConfig.chainName}`}
        </button>
        {walletChain ? (
          <Link
            href={pageOnChain(pathname, search, walletChain.chainId)}
            className="ml-3 text-sm text-amber-300 underline hover:text-amber-200"
            data-testid={`${testId}-show-wallet-chain`}
          >
            Show {walletChain.chainName}&apos;s page
          </Link>
        ) : null}
        {switchError ? (
          <p className="text-sm text-rose-300">The wallet did not switch: {switchError.message.split('\n')[0]}</p>
        ) : null}
      </div>
    );
  }

  const showPreview = flow.previewProblem && flow.state.status !== 'failed' && !blocked;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={primary}
        // aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the transaction runs.
        aria-disabled={flow.busy}
        onClick={() => {
          if (flow.busy) return;
          if (onSend) onSend();
          else void flow.send();
        }}
        data-testid={testId}
      >
        {flow.busy ? 'Working…' : label}
      </button>
      {showPreview ? (
        <p
          role="alert"
          className="text-sm text-rose-300"
          data-testid={`${testId}-preview-error`}
          data-kind={flow.previewProblem?.kind}
        >
          {flow.previewProblem?.message}
        </p>
      ) : null}
      <TxStatusLine state={flow.state} testId={testId} />
    </div>
  );
}
