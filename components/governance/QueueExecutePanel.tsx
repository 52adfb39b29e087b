'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { governorTxAbi } from '@/lib/governance/txAbi';
import type { ProposalForClient } from '@/lib/governance/proposalForClient';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { BlockedReason } from './BlockedReason';
import { proposalCallArgs } from './ProposalCalls';
import { GOVERNANCE_QUERY_KEYS } from './useGovernanceSession';

/** Queue (when succeeded) or execute (once the timelock delay has passed) one proposal; anyone may. */
export function QueueExecuteButton({
  kind,
  proposal,
  account,
  blockedReason,
  errorContext,
}: {
  kind: 'queue' | 'execute';
  proposal: ProposalForClient;
  account: Address;
  blockedReason: string | null;
  errorContext: ErrorContext;
}) {
  const config = usePublicConfig();
  const [tried, setTried] = useState(false);
  const flow = useTransactionFlow({
    request:
      blockedReason === null
        ? {
            address: config.contracts.governor,
            abi: governorTxAbi,
            functionName: kind,
            args: proposalCallArgs(proposal),
            account,
          }
        : undefined,
    description: kind === 'queue' ? 'Queue the proposal in the timelock' : 'Execute the proposal',
    invalidate: [...GOVERNANCE_QUERY_KEYS, ['tranche']],
    errorContext,
  });
  const confirmed = flow.state.status === 'confirmed';
  const testId = `${kind}-submit`;
  return (
    <div className="space-y-2">
      <TxButton
        flow={flow}
        testId={testId}
        label={kind === 'queue' ? 'Queue' : 'Execute'}
        blocked={blockedReason !== null && !confirmed}
        onSend={() => {
          setTried(true);
          if (blockedReason === null) void flow.send();
        }}
      />
      {confirmed ? null : <BlockedReason reason={blockedReason} testId={testId} announced={tried} />}
    </div>
  );
}
