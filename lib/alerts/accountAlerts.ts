import { formatAmount } from '../format/amount';
import { proposalTitle } from '../governance/proposalState';
import { sharesHeldBefore, type Flow } from '../tranches/costBasis';
import { formatDuration, formatUtc } from '../tranches/duration';
import { TRANCHE_SLUGS } from '../tranches/trancheRef';
import type { AccountAlert } from './kinds';

export type { AccountAlert } from './kinds';

/** The window closes "soon" from this long before its end. */
export const CLOSING_NOTICE_SECONDS = 24 * 3_600;

export interface AlertTranche {
  id: number;
  name: string;
  shareSymbol: string;
  shareDecimals: number;
  /** The account's shares now. */
  shares: bigint;
  /** The account's exit request, as the vault's cooldownOf gives it (windowEnd 0: none). */
  cooldownShares: bigint;
  cooldownEnd: number;
  windowEnd: number;
  /** The most the request pays (requestValueOf), asset units. */
  requestValue: bigint;
}

export interface AccountAlertInput {
  /** The chain's time now, unix seconds. */
  now: number;
  asset: { decimals: number; symbol: string };
  tranches: readonly AlertTranche[];
  /** The account's indexed flows (deposits, withdrawals, share transfers, forfeits), oldest first. */
  flows: readonly Flow[];
  losses: readonly {
    lossId: string;
    market: string;
    /** 'strategy': the tranche's strategy lost value (no market); absent or 'clearinghouse': a liquidation's. */
    source?: 'clearinghouse' | 'strategy' | undefined;
    timestamp: number;
    blockNumber: bigint;
    /** What each tranche paid, by tranche id, asset units. */
    paid: readonly bigint[];
    /** Each tranche's share supply at the loss, where the indexer sampled it (a loss moves assets, not supply). */
    totalSupply?: readonly (bigint | null)[];
  }[];
  proposals: readonly {
    proposalId: string;
    description: string;
    /** Unix seconds: voting opens just after it (the governor runs on a timestamp clock). */
    voteStart: number;
    queuedAt: number | null;
    canceled: boolean;
    /** The tranches whose parameters its actions set (lib/alerts/proposalTranches.ts). */
    tranches: readonly number[];
  }[];
}

/**
 * The account's reminders and alerts at chain time `now`, newest first. For its exit request in each tranche: the
 * window opening (the cooldown's end), the last 24 hours of the window, and its lapse; each stays in the list once
 * due, so the set only grows while the request stands. Each loss a tranche paid while the account held its shares
 * (by the indexer's deposit/withdraw flows). Each proposal setting a parameter of a tranche the account holds now,
 * when its voting opens and when it is queued.
 */
export function accountAlerts(input: AccountAlertInput): AccountAlert[] {
  const alerts: AccountAlert[] = [];
  const money = (v: bigint) => formatAmount(v, input.asset.decimals, { unit: input.asset.symbol });
  const byId = new Map(input.tranches.map((t) => [t.id, t]));
  const nameOf = (id: number) => byId.get(id)?.name ?? `tranche ${id}`;

  for (const t of input.tranches) {
    if (t.windowEnd === 0 || t.cooldownShares === 0n) continue;
    const path = `/tranches/${TRANCHE_SLUGS[t.id as 0 | 1 | 2] ?? t.id}`;
    const shares = formatAmount(t.cooldownShares, t.shareDecimals, { fractionDigits: 4, unit: t.shareSymbol });
    // One request is one cooldownEnd: a new request makes new ids.
    const key = `${t.id}-${t.cooldownEnd}`;
    const length = t.windowEnd - t.cooldownEnd;
    if (input.now >= t.cooldownEnd) {
      alerts.push({
        id: `window-open-${key}`,
        kind: 'window-open',
        time: t.cooldownEnd,
        title: `${t.name}: your cooldown ended, the withdrawal window is open`,
        text: `You can withdraw up to ${shares} (at most ${money(t.requestValue)}) from ${formatUtc(t.cooldownEnd)} until ${formatUtc(t.windowEnd)}, a window of ${formatDuration(length)}.`,
        path,
      });
    }
    const closingFrom = Math.max(t.cooldownEnd, t.windowEnd - CLOSING_NOTICE_SECONDS);
    if (input.now >= closingFrom) {
      alerts.push({
        id: `window-closing-${key}`,
        kind: 'window-closing',
        time: closingFrom,
        title: `${t.name}: your withdrawal window closes within 24 hours`,
        text: `Withdraw your ${shares} before ${formatUtc(t.windowEnd)}: after that the request lapses and its cooldown must be waited out again.`,
        path,
      });
    }
    if (input.now >= t.windowEnd) {
      alerts.push({
        id: `request-lapsed-${key}`,
        kind: 'request-lapsed',
        time: t.windowEnd,
        title: `${t.name}: your withdrawal request lapsed`,
        text: `The window for your ${shares} closed at ${formatUtc(t.windowEnd)} without a withdrawal. Request a new cooldown to withdraw.`,
        path,
      });
    }
  }

  for (const loss of input.losses) {
    loss.paid.forEach((paid, trancheId) => {
      if (paid === 0n) return;
      const held = sharesHeldBefore(input.flows, trancheId, loss.blockNumber);
      if (held === 0n) return;
      const t = byId.get(trancheId);
      const heldText = t
        ? formatAmount(held, t.shareDecimals, { fractionDigits: 4, unit: t.shareSymbol })
        : `${held} shares`;
      const supply = loss.totalSupply?.[trancheId] ?? null;
      const part = supply ? ` Your part: about ${money((paid * held) / supply)}.` : '';
      const place = loss.source === 'strategy' ? 'its strategy' : loss.market;
      alerts.push({
        id: `loss-${loss.lossId}-tranche-${trancheId}`,
        kind: 'loss-hit-my-tranche',
        time: loss.timestamp,
        title: `Loss #${loss.lossId} on ${place}: ${nameOf(trancheId)} paid ${money(paid)}`,
        text: `${nameOf(trancheId)} paid ${money(paid)} of a loss on ${place} while you held ${heldText} of it (by your indexed deposits, withdrawals and share transfers).${part}`,
        path: `/tranches/${TRANCHE_SLUGS[trancheId as 0 | 1 | 2] ?? trancheId}`,
      });
    });
  }

  const mine = new Set(input.tranches.filter((t) => t.shares > 0n || t.cooldownShares > 0n).map((t) => t.id));
  for (const p of input.proposals) {
    const touched = [...new Set(p.tranches)].filter((id) => mine.has(id)).sort();
    if (touched.length === 0) continue;
    const names = touched.map(nameOf).join(' and ');
    const title = proposalTitle(p.description);
    const path = `/governance/${p.proposalId}`;
    // The governor lets only a pending proposal be cancelled: a cancelled one never reached its vote.
    if (!p.canceled && input.now > p.voteStart) {
      alerts.push({
        id: `proposal-${p.proposalId}-voting`,
        kind: 'proposal-voting',
        time: p.voteStart,
        title: `Vote open on a change to ${names}: ${title}`,
        text: `“${title}” sets parameters of ${names}, where you hold shares; voting opened at ${formatUtc(p.voteStart)}.`,
        path,
      });
    }
    if (p.queuedAt) {
      alerts.push({
        id: `proposal-${p.proposalId}-queued`,
        kind: 'proposal-queued',
        time: p.queuedAt,
        title: `Change to ${names} queued: ${title}`,
        text: `“${title}” passed and was queued in the timelock at ${formatUtc(p.queuedAt)}; it changes parameters of ${names}, where you hold shares, once executed.`,
        path,
      });
    }
  }
  return alerts.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id));
}
