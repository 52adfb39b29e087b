'use client';

import type { ReactNode } from 'react';
import { Amount } from '@/components/ui/Amount';
import { formatBps } from '@/lib/tranches/realisedApr';
import type { TrancheContext } from './trancheContext';
import { useAccountHistory } from './useAccountHistory';

/**
 * The account's position. Shares, value and share of the tranche come from the lens (this block). Cost basis, PnL
 * and losses come from the indexer's flows (deposits, withdrawals, share transfers, forfeits): average-cost method (a
 * withdrawal removes cost in proportion to the shares it burns, shares received by transfer cost their value as they
 * arrived); losses = for each loss, what the tranche paid × your shares just before it ÷ the share supply then.
 */
export function PositionPanel({ ctx, lensAge }: { ctx: TrancheContext; lensAge: string }) {
  const { module, tranche, position, account } = ctx;
  const history = useAccountHistory(tranche.id, account);
  const money = (v: bigint) => <Amount value={v} decimals={module.assetDecimals} unit={module.assetSymbol} />;
  const shares = (v: bigint) => (
    <Amount value={v} decimals={tranche.shareDecimals} fractionDigits={4} unit={tranche.symbol} />
  );
  const shareBps = tranche.totalSupply === 0n ? 0n : (position.shares * 10_000n) / tranche.totalSupply;

  const h = history.data;
  let costRows: { label: string; value: ReactNode; testId: string; raw?: bigint; tone?: string }[] = [];
  let costNote: string;
  if (h?.available) {
    const costBasis = BigInt(h.costBasis);
    const tracked = BigInt(h.sharesTracked);
    const unrealised = position.assets - costBasis;
    costRows = [
      { label: 'Cost basis (average cost)', value: money(costBasis), testId: 'position-cost-basis', raw: costBasis },
      {
        label: 'Unrealised PnL',
        value: (
          <>
            {unrealised >= 0n ? '+' : ''}
            {money(unrealised)}
          </>
        ),
        testId: 'position-pnl',
        raw: unrealised,
        tone: unrealised >= 0n ? 'text-emerald-300' : 'text-rose-300',
      },
      {
        label: 'Realised PnL (withdrawals)',
        value: money(BigInt(h.realisedPnl)),
        testId: 'position-realised-pnl',
        raw: BigInt(h.realisedPnl),
      },
      {
        label: 'Losses absorbed while held',
        value: (
          <>
            {money(BigInt(h.lossesAbsorbed))} over {h.lossCount} loss event{h.lossCount === 1 ? '' : 's'}
          </>
        ),
        testId: 'position-losses',
      },
    ];
    costNote =
      tracked !== position.shares
        ? 'The indexer has not yet seen your latest transaction (your share balance differs from what it has indexed): cost basis and PnL cover only the indexed part until it catches up.'
        : `From ${h.flowCount} indexed deposit, withdrawal and transfer event${h.flowCount === 1 ? '' : 's'}${h.lastFlowBlock ? ` up to block #${h.lastFlowBlock}` : ''}; the indexer can lag the chain by a few blocks.`;
  } else {
    costNote = `Cost basis, PnL and losses absorbed: n/a — ${h ? h.reason : history.isLoading ? 'reading the indexer…' : 'the history is unavailable'}.`;
  }

  return (
    <section
      className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="position-title"
    >
      <h2 id="position-title" className="text-lg font-medium text-slate-50">
        Your position
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Row label="Shares" testId="position-shares" raw={position.shares}>
          {shares(position.shares)}
        </Row>
        <Row label="Current value" testId="position-value" raw={position.assets}>
          {money(position.assets)}
        </Row>
        <Row label="Share of the tranche" testId="position-share-of-tranche" raw={shareBps}>
          {formatBps(shareBps)}
        </Row>
        <Row label="In cooldown" testId="position-cooldown-shares" raw={position.cooldownShares}>
          {shares(position.cooldownShares)}
        </Row>
        {costRows.map((row) => (
          <Row key={row.testId} label={row.label} testId={row.testId} raw={row.raw} className={row.tone}>
            {row.value}
          </Row>
        ))}
      </dl>
      <p className="text-xs text-slate-400">
        Shares, value and share of tranche: lens, {lensAge}. {costNote}
      </p>
    </section>
  );
}

function Row({
  label,
  testId,
  raw,
  className,
  children,
}: {
  label: string;
  testId: string;
  raw?: bigint;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-800/60 py-1">
      <dt className="text-slate-400">{label}</dt>
      <dd
        className={`figure text-right ${className ?? 'text-slate-100'}`}
        data-testid={testId}
        data-raw={raw?.toString()}
      >
        {children}
      </dd>
    </div>
  );
}
