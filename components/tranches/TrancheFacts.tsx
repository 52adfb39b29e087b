import type { ReactNode } from 'react';
import { AddressText } from '@/components/ui/AddressText';
import { Amount } from '@/components/ui/Amount';
import { formatAmount } from '@/lib/format/amount';
import { formatBps } from '@/lib/tranches/realisedApr';
import { formatDuration } from '@/lib/tranches/duration';
import { strategySplit } from '@/lib/tranches/strategySplit';
import { waterfallPosition } from '@/lib/tranches/trancheRef';
import type { ModuleView, TrancheView } from '@/lib/chain/readDashboard';

/**
 * A tranche's live figures from the lens: capital against its cap, share price, waterfall place, how its capital
 * splits between the idle buffer and its strategy, exit timing.
 * `stacked` keeps one column, for the narrow overview cards.
 */
export function TrancheFacts({
  module,
  tranche,
  stacked = false,
}: {
  module: ModuleView;
  tranche: TrancheView;
  stacked?: boolean;
}) {
  const unit = module.assetSymbol;
  const usedBps = tranche.depositCap === 0n ? 0n : (tranche.totalAssets * 10_000n) / tranche.depositCap;
  const money = (v: bigint) => <Amount value={v} decimals={module.assetDecimals} unit={unit} />;
  const rows: [string, ReactNode, string, bigint | null][] = [
    ['Waterfall', waterfallPosition(tranche.id), 'waterfall', null],
    [
      'Capital / cap',
      <>
        {money(tranche.totalAssets)} of {money(tranche.depositCap)} ({formatBps(usedBps)} used)
      </>,
      'capital',
      tranche.totalAssets,
    ],
    [
      'Share price',
      formatAmount(tranche.sharePrice, module.assetDecimals, { fractionDigits: 6, unit: `${unit} / share` }),
      'share-price',
      tranche.sharePrice,
    ],
    ['Premium and yield still vesting', money(tranche.unvestedPremium), 'unvested', tranche.unvestedPremium],
    ...strategyRows(tranche, money, stacked),
    ['Yield received, all time', money(tranche.totalYieldReceived), 'yield-received', tranche.totalYieldReceived],
    [
      'Cooldown, then window',
      `${formatDuration(Number(tranche.cooldown))}, then ${formatDuration(Number(tranche.unstakeWindow))} to withdraw`,
      'exit-timing',
      null,
    ],
    // The overview cards are too narrow for an address; the tranche's own page names its contract.
    ...(stacked ? [] : [vaultRow(tranche)]),
  ];
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-1 text-sm ${stacked ? '' : 'sm:grid-cols-2'}`}>
      {rows.map(([label, value, id, raw]) => (
        <div key={id} className="flex justify-between gap-4 border-b border-slate-800/60 py-1">
          <dt className="text-slate-400">{label}</dt>
          <dd
            className="figure text-right text-slate-100"
            data-testid={`tranche-${tranche.id}-${id}`}
            data-raw={raw?.toString()}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type FactRow = [string, ReactNode, string, bigint | null];

/** Idle buffer against its target, and the strategy's value as last reported and live now (booked at the next report). */
function strategyRows(tranche: TrancheView, money: (v: bigint) => ReactNode, stacked: boolean): FactRow[] {
  const split = strategySplit(tranche);
  if (split.kind === 'none') return [['Strategy', 'none: all capital idle', 'strategy', 0n]];
  if (split.kind === 'invalid') return [['Strategy', `not shown: ${split.reason}`, 'strategy', null]];
  const rows: FactRow[] = [
    [
      'Idle buffer',
      <>
        {money(split.idle)} ({formatBps(split.idleBps)} of the books; target {formatBps(split.bufferTargetBps)})
      </>,
      'idle',
      split.idle,
    ],
    [
      'In strategy, last report',
      <>
        {money(split.recorded)} ({formatBps(split.strategyBps)}); live {money(split.live)}
      </>,
      'strategy',
      split.recorded,
    ],
  ];
  if (!stacked)
    rows.push(['Strategy vault', <AddressText key="strategy" address={split.strategy} />, 'strategy-vault', null]);
  return rows;
}

function vaultRow(tranche: TrancheView): [string, ReactNode, string, bigint | null] {
  return ['Vault contract', <AddressText key="vault" address={tranche.vault} />, 'vault', null];
}
