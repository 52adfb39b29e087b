'use client';

import { getAddress, isAddressEqual, zeroAddress } from 'viem';
import { Amount } from '@/components/ui/Amount';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { DelegateForm } from './DelegateForm';
import { useGovernanceSession } from './useGovernanceSession';
import { ConnectPrompt } from '@/components/wallet/ConnectPrompt';
import { AddressText } from '@/components/ui/AddressText';

/** The connected account's voting power, balance and delegate, and the delegation form. */
export function VotingPowerPanel({
  renderedAt,
  initialDashboard = null,
}: {
  renderedAt: number;
  initialDashboard?: Dashboard | null;
}) {
  const session = useGovernanceSession(renderedAt, initialDashboard);
  const { account, user } = session;
  if (!account) {
    return <ConnectPrompt>Connect a wallet to see your voting power and delegate.</ConnectPrompt>;
  }
  if (!user)
    return (
      <p className="text-slate-400" data-testid="voting-power-loading">
        Reading your voting power…
      </p>
    );
  const delegate = user.delegate;
  const delegateText =
    delegate === zeroAddress ? (
      'nobody yet: delegate (to yourself) to activate your votes'
    ) : isAddressEqual(delegate, account) ? (
      <>
        yourself (<AddressText address={getAddress(delegate)} />)
      </>
    ) : (
      <AddressText address={getAddress(delegate)} />
    );

  return (
    <section
      className="grid gap-6 rounded-xl border border-slate-800 bg-slate-900/60 p-5 md:grid-cols-2"
      data-testid="voting-power-panel"
    >
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-slate-400">Your voting power</dt>
          <dd
            className="figure text-xl text-slate-50"
            data-testid="voting-power"
            data-raw={user.votingPower.toString()}
          >
            <Amount value={user.votingPower} decimals={18} fractionDigits={0} unit="BSG" />
          </dd>
        </div>
        <div>
          <dt className="text-slate-400">Tokens held</dt>
          <dd className="figure text-slate-200" data-testid="governance-balance">
            <Amount value={user.governanceBalance} decimals={18} fractionDigits={0} unit="BSG" />
          </dd>
        </div>
        <div>
          <dt className="text-slate-400">Delegated to</dt>
          <dd className="break-all text-slate-200" data-testid="current-delegate">
            {delegateText}
          </dd>
        </div>
      </dl>
      <DelegateForm account={account} errorContext={session.errorContext} />
    </section>
  );
}
