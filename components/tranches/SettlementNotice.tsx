'use client';

import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { Amount } from '@/components/ui/Amount';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import type { TrancheContext } from './trancheContext';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';

/**
 * A restarted tranche owes its holders from before the wipe their share of what was left (the premium still
 * vesting then). It is paid on their next deposit or incoming transfer, or here, at once; anyone may trigger it and
 * it always goes to the holder.
 */
export function SettlementNotice({ ctx }: { ctx: TrancheContext }) {
  const owed = ctx.position.settlement;
  const flow = useTransactionFlow({
    request: {
      address: ctx.tranche.vault,
      abi: trancheVaultAbi,
      functionName: 'claimSettlement',
      args: [ctx.account],
      account: ctx.account,
    },
    description: `Claim the ${ctx.tranche.name} settlement`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext: ctx.errorContext,
  });
  if (owed === 0n) return null;
  const unit = ctx.module.assetSymbol;
  return (
    <section
      className="flex flex-wrap items-center gap-3 rounded-xl border border-sky-900/60 bg-sky-950/20 p-4 text-sm text-slate-300"
      data-testid="settlement-notice"
      data-raw={owed.toString()}
    >
      <p className="min-w-0 flex-1">
        {ctx.tranche.name} was restarted after a loss wiped it. Your shares from before the restart are settled:{' '}
        <strong className="text-slate-100">
          <Amount value={owed} decimals={ctx.module.assetDecimals} unit={unit} />
        </strong>{' '}
        is yours (your part of the premium that was still vesting). It is paid with your next deposit, or now.
      </p>
      <TxButton flow={flow} testId="settlement-claim" label="Claim settlement" />
    </section>
  );
}
