'use client';

import { useAccount } from 'wagmi';
import type { TrancheQuote } from '@/lib/risk';
import { shareOfTranche } from '@/lib/risk/positionRisk';
import { useUserDashboard } from '@/components/tranches/useUserDashboard';
import { PositionRiskTable } from './PositionRiskTable';

/**
 * The tranche quote's tail beside what it costs the connected account: its shares' part of the tranche's loss, from
 * the same lens read the position panel shows (one cached query per account).
 */
export function AccountTailRisk({
  quote,
  symbol,
}: {
  quote: Pick<TrancheQuote, 'id' | 'name' | 'expectedLoss' | 'tails'>;
  symbol: string;
}) {
  const { address } = useAccount();
  const query = useUserDashboard(address, null, 0);
  const dashboard = address ? query.data : undefined;
  const tranche = dashboard?.tranches[quote.id];
  const held = dashboard?.user.tranches[quote.id];

  let share: number | null = null;
  let note: string | null = null;
  if (!address) note = 'Connect a wallet to see what this costs your position.';
  else if (!dashboard || !tranche || !held)
    note = query.error ? `Your position could not be read: ${query.error.message}` : 'Reading your position…';
  else {
    try {
      share = shareOfTranche(held.shares, tranche.totalSupply);
    } catch (error) {
      note = `The lens reported an impossible position: ${(error as Error).message}.`;
    }
    if (share === 0) note = `You hold no ${quote.name} shares, so your column is zero.`;
  }
  return (
    <div className="mt-4" data-testid="account-tail-risk" data-state={share === null ? 'none' : 'shown'}>
      {note ? <p className="mb-1 text-xs text-slate-400">{note}</p> : null}
      <PositionRiskTable
        quote={quote}
        share={share}
        symbol={symbol}
        caption={
          share === null
            ? "The tranche's loss over one horizon: the model's distribution, current market, no stress."
            : `The model's loss distribution, current market, no stress; your shares as of block #${dashboard?.blockNumber}.`
        }
      />
    </div>
  );
}
