'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { governorTxAbi } from '@/lib/governance/txAbi';
import { SUPPORT_LABELS } from '@/lib/governance/votes';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { BlockedReason } from './BlockedReason';
import { GOVERNANCE_QUERY_KEYS } from './useGovernanceSession';

/** For / Against / Abstain with an optional reason, cast with castVoteWithReason. */
export function VotePanel({
  proposalId,
  account,
  blockedReason,
  errorContext,
  onConfirmed,
}: {
  proposalId: bigint;
  account: Address;
  blockedReason: string | null;
  errorContext: ErrorContext;
  onConfirmed: () => void;
}) {
  const config = usePublicConfig();
  const [support, setSupport] = useState(1);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const flow = useTransactionFlow({
    request: {
      address: config.contracts.governor,
      abi: governorTxAbi,
      functionName: 'castVoteWithReason',
      args: [proposalId, support, reason.trim()],
      account,
    },
    description: `Vote ${SUPPORT_LABELS[support] ?? ''}`,
    invalidate: GOVERNANCE_QUERY_KEYS,
    errorContext,
  });
  const confirmed = flow.state.status === 'confirmed';

  return (
    <section className="space-y-3 rounded-xl border border-slate-800 p-4" data-testid="vote-panel">
      <h3 className="font-medium text-slate-100">Cast your vote</h3>
      <div className="flex gap-4 text-sm text-slate-300" role="radiogroup" aria-label="Your vote">
        {[1, 0, 2].map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="support"
              checked={support === value}
              onChange={() => {
                setSupport(value);
                flow.reset();
              }}
              data-testid={`vote-support-${value}`}
            />
            {SUPPORT_LABELS[value]}
          </label>
        ))}
      </div>
      <label htmlFor="vote-reason" className="block text-sm text-slate-300">
        Reason (optional, public)
      </label>
      <textarea
        id="vote-reason"
        data-testid="vote-reason"
        rows={2}
        maxLength={1000}
        className="w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          flow.reset();
        }}
      />
      <TxButton
        flow={flow}
        testId="vote-submit"
        label="Vote"
        blocked={blockedReason !== null && !confirmed}
        onSend={() => {
          setTried(true);
          if (blockedReason === null) void flow.send().then((sent) => sent && onConfirmed());
        }}
      />
      {confirmed ? null : <BlockedReason reason={blockedReason} testId="vote-submit" announced={tried} />}
    </section>
  );
}
