'use client';

import { useAccount } from 'wagmi';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { usePolledStatus } from '@/components/sources/usePolledStatus';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { useNow } from '@/components/ui/useNow';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { LOCAL_CHAIN_ID } from '@/lib/protocol/chain';
import { formatElapsed } from '@/lib/format/age';
import { CHAIN_SOURCE } from '@/lib/sources/names';
import { sourcesOnChain } from '@/lib/sources/sourceOnChain';
import { failureOf, type SourceStatus } from '@/lib/sources/status';
import type { TrancheId } from '@/lib/tranches/trancheRef';
import { DepositPanel } from './DepositPanel';
import { FaucetButton } from './FaucetButton';
import { PositionHistorySection } from './history/PositionHistorySection';
import { PositionPanel } from './PositionPanel';
import { SettlementNotice } from './SettlementNotice';
import type { TrancheContext } from './trancheContext';
import { TrancheFacts } from './TrancheFacts';
import { chainNow, shownDashboard, useUserDashboard } from './useUserDashboard';
import { WithdrawPanel } from './WithdrawPanel';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { ConnectPrompt } from '@/components/wallet/ConnectPrompt';

/** One tranche: its figures, then the connected account's deposit, position and withdrawal. */
export function TrancheDetail({
  trancheId,
  initialDashboard,
  initialStatus,
  renderedAt,
}: {
  trancheId: TrancheId;
  initialDashboard: Dashboard | null;
  /** The server's read of the chain, and whether its figures are last-known because the node was down. */
  initialStatus: SourceStatus;
  renderedAt: number;
}) {
  const config = usePublicConfig();
  const { address } = useAccount();
  const query = useUserDashboard(address, initialDashboard, renderedAt);
  const nowMs = useNow(renderedAt);
  const { dashboard, updatedAt, user: mine } = shownDashboard(query, initialDashboard, address, renderedAt);
  const lensAge = dashboard ? `block #${dashboard.blockNumber} · read ${formatElapsed(updatedAt, nowMs)}` : '';
  const status = usePolledStatus(query, CHAIN_SOURCE, initialStatus, lensAge);

  if (!dashboard) {
    return (
      <p
        className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5 text-slate-300"
        data-testid="tranche-unavailable"
      >
        Live data is not available yet:{' '}
        {query.error?.message ?? failureOf(initialStatus)?.reason ?? 'reading the chain…'}
      </p>
    );
  }
  const tranche = dashboard.tranches[trancheId];
  if (!tranche) return <p className="text-rose-300">The lens reports no tranche #{trancheId}.</p>;

  const now = chainNow(dashboard, updatedAt, nowMs);
  const position = mine?.tranches[trancheId];
  const shareInfo = { decimals: tranche.shareDecimals, symbol: tranche.symbol };
  const errorContext = {
    now,
    asset: { decimals: dashboard.module.assetDecimals, symbol: dashboard.module.assetSymbol },
    shares: shareInfo,
  };

  return (
    <div className="space-y-6">
      <SourceNotices sources={sourcesOnChain(config, [status])} now={renderedAt} />
      <section className="rounded-xl border border-slate-800 bg-slate-900/60 p-5">
        <TrancheFacts module={dashboard.module} tranche={tranche} />
        <p className="mt-2 text-xs text-slate-400" data-testid="lens-age">
          Lens {lensAge}
        </p>
      </section>

      {!address ? (
        <ConnectPrompt>Connect a wallet to deposit, see your position and withdraw.</ConnectPrompt>
      ) : !mine || !position ? (
        <p className="text-slate-400" data-testid="position-loading">
          Reading your position…
        </p>
      ) : (
        <Panels
          key={address}
          ctx={
            {
              account: address,
              module: dashboard.module,
              tranche,
              user: mine,
              position,
              now,
              errorContext,
            } satisfies TrancheContext
          }
          lensAge={lensAge}
          lensAt={{ blockNumber: dashboard.blockNumber, timestamp: Number(dashboard.timestamp) }}
          faucet={config.chainId === LOCAL_CHAIN_ID}
        />
      )}
    </div>
  );
}

function Panels({
  ctx,
  lensAge,
  lensAt,
  faucet,
}: {
  ctx: TrancheContext;
  lensAge: string;
  /** The block the lens read is of, so the position chart can end on the panel's figures. */
  lensAt: { blockNumber: bigint; timestamp: number };
  faucet: boolean;
}) {
  return (
    <>
      {faucet ? (
        <FaucetButton
          asset={ctx.module.asset}
          account={ctx.account}
          symbol={ctx.module.assetSymbol}
          decimals={ctx.module.assetDecimals}
          errorContext={ctx.errorContext}
        />
      ) : null}
      <SettlementNotice ctx={ctx} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionBoundary name="Deposit">
          <DepositPanel ctx={ctx} />
        </SectionBoundary>
        <SectionBoundary name="Your position">
          <PositionPanel ctx={ctx} lensAge={lensAge} />
        </SectionBoundary>
      </div>
      <SectionBoundary name="Withdrawal">
        <WithdrawPanel ctx={ctx} />
      </SectionBoundary>
      <SectionBoundary name="Your position over time">
        <PositionHistorySection
          trancheId={ctx.tranche.id}
          account={ctx.account}
          lens={{ ...lensAt, shares: ctx.position.shares, value: ctx.position.assets }}
        />
      </SectionBoundary>
    </>
  );
}
