'use client';

import { shortHash as short } from '@/lib/tx/explorerLink';
import type { TxFlowState } from './useTransactionFlow';

/** Where a transaction is, in words; failures are announced to screen readers. */
export function TxStatusLine({ state, testId }: { state: TxFlowState; testId: string }) {
  const common = `text-sm ${testId}`;
  switch (state.status) {
    case 'idle':
      return null;
    case 'simulating':
      return (
        <p className={`${common} text-slate-400`} data-testid={`${testId}-status`} data-status="simulating">
          Checking the transaction against the chain…
        </p>
      );
    case 'wallet':
      return (
        <p className={`${common} text-amber-200`} data-testid={`${testId}-status`} data-status="wallet">
          Confirm in your wallet…
        </p>
      );
    case 'pending':
      return (
        <p
          className={`${common} text-amber-200`}
          data-testid={`${testId}-status`}
          data-status="pending"
          aria-live="polite"
        >
          Pending: <span className="figure">{state.hash ? short(state.hash) : ''}</span>, waiting for a block…
        </p>
      );
    case 'confirmed':
      return (
        <p
          className={`${common} text-emerald-300`}
          data-testid={`${testId}-status`}
          data-status="confirmed"
          aria-live="polite"
        >
          Confirmed in block <span className="figure">#{state.blockNumber?.toString()}</span>
          {state.hash ? (
            <>
              {' '}
              (<span className="figure">{short(state.hash)}</span>)
            </>
          ) : null}
          .
        </p>
      );
    case 'failed': {
      const calm = state.problem?.kind === 'rejected';
      return (
        <p
          role={calm ? 'status' : 'alert'}
          className={`${common} ${calm ? 'text-slate-300' : 'text-rose-300'}`}
          data-testid={`${testId}-status`}
          data-status="failed"
          data-kind={state.problem?.kind}
        >
          {state.problem?.message ?? 'The transaction failed.'}
        </p>
      );
    }
  }
}
