'use client';

import { useChainPath } from '@/components/chains/useChainPath';
import { cooldownPhase } from '@/lib/tranches/cooldownPhase';
import { TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';
import { CancelRequestButton } from './CancelRequestButton';
import { CooldownRequestForm } from './CooldownRequestForm';
import { CooldownStatus } from './CooldownStatus';
import type { TrancheContext } from './trancheContext';
import { WithdrawForm } from './WithdrawForm';

/** The exit path: request a cooldown, wait, withdraw inside the window; a lapsed request offers a new one. */
export function WithdrawPanel({ ctx }: { ctx: TrancheContext }) {
  const { module, tranche, position, now, account } = ctx;
  const phase = cooldownPhase(position, now);
  const onChain = useChainPath();

  return (
    <section
      className="space-y-5 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="withdraw-title"
    >
      <h2 id="withdraw-title" className="text-lg font-medium text-slate-50">
        Withdrawal
      </h2>
      <CooldownStatus
        phase={phase}
        now={now}
        shareDecimals={tranche.shareDecimals}
        shareSymbol={tranche.symbol}
        assetDecimals={module.assetDecimals}
        assetSymbol={module.assetSymbol}
        windowSeconds={Number(tranche.unstakeWindow)}
        calendarHref={onChain(`/tranches/${TRANCHE_SLUGS[tranche.id] ?? tranche.id}/window.ics?account=${account}`)}
      />
      {position.shares === 0n ? (
        <p className="text-sm text-slate-400">You hold no shares of this tranche yet.</p>
      ) : (
        <>
          <WithdrawForm ctx={ctx} phase={phase} />
          <hr className="border-slate-800" />
          <CooldownRequestForm ctx={ctx} phase={phase} />
          {phase.kind === 'none' ? null : <CancelRequestButton ctx={ctx} phase={phase} />}
        </>
      )}
    </section>
  );
}
