'use client';

import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { formatAmount } from '@/lib/format/amount';
import type { CooldownPhase } from '@/lib/tranches/cooldownPhase';
import type { TrancheContext } from './trancheContext';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';

/** Drops the exit request so the shares earn again; says first what that forfeits. */
export function CancelRequestButton({
  ctx,
  phase,
}: {
  ctx: TrancheContext;
  phase: Exclude<CooldownPhase, { kind: 'none' }>;
}) {
  const { module, tranche, account, errorContext } = ctx;
  const flow = useTransactionFlow({
    request: { address: tranche.vault, abi: trancheVaultAbi, functionName: 'cancelCooldown', args: [], account },
    description: `Cancel the ${tranche.name} withdrawal request`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });
  return (
    <div className="space-y-2" data-testid="cancel-request">
      <p className="text-sm text-slate-400">
        Cancelling unlocks the shares and they earn premium again.{' '}
        {phase.forfeitable > 0n ? (
          <>
            It forfeits{' '}
            <span
              className="figure text-amber-200"
              data-testid="cancel-forfeit"
              data-raw={phase.forfeitable.toString()}
            >
              {formatAmount(phase.forfeitable, module.assetDecimals, { unit: module.assetSymbol })}
            </span>
            , the premium they earned while the request lived; it stays with the tranche&apos;s other holders.
          </>
        ) : (
          'It forfeits nothing now: the shares have earned nothing above their value at request.'
        )}
      </p>
      <TxButton flow={flow} testId="cancel-request-submit" label="Cancel request" onSend={() => void flow.send()} />
    </div>
  );
}
