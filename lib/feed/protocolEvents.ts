import { formatAmount } from '../format/amount';
import { protocolLabel } from '../format/protocolName';
import { proposalTitle } from '../governance/proposalState';
import { solvencyStatus, type SolvencyStatus } from '../health/status';
import { TRANCHE_NAMES } from '../protocol/tranches';
import { formatUtc } from '../tranches/duration';

/** One entry of the protocol's public feed (Atom and JSON Feed carry the same). */
export interface FeedEntry {
  /** Stable: a reader that has seen it does not show it again. */
  id: string;
  title: string;
  text: string;
  /** Unix seconds. */
  time: number;
  /** A path on the app. */
  path: string;
}

export interface FeedInput {
  /** The chain's time now, unix seconds: a proposal's voting has opened once it is past its voteStart. */
  now: number;
  asset: { decimals: number; symbol: string };
  /** The module's solvency threshold, wad. */
  solvencyThreshold: bigint;
  losses: readonly {
    lossId: string;
    /** The covered protocol that drew it; absent from an indexer without protocols. */
    protocolId?: number | null | undefined;
    protocol?: string | undefined;
    market: string;
    /** 'strategy': a tranche's strategy lost value (no market); absent or 'clearinghouse': a liquidation's. */
    source?: 'clearinghouse' | 'strategy' | undefined;
    timestamp: number;
    shortfall: string;
    covered: string;
    deficit: string;
    paid: readonly string[];
  }[];
  proposals: readonly {
    proposalId: string;
    description: string;
    /** Unix seconds: voting opens just after it (the governor runs on a timestamp clock). */
    voteStart: number;
    canceled: boolean;
    queuedAt?: number | null | undefined;
    executedAt?: number | null | undefined;
  }[];
  samples: readonly { timestamp: number; solvencyRatio: string; requiredCapital: string }[];
}

const MAX_ENTRIES = 100;
const WORDS: Record<SolvencyStatus, string> = {
  healthy: 'healthy again',
  warning: 'in warning',
  critical: 'critical',
};

/**
 * The events a backstop's depositors and the public follow, newest first: each loss with what every tranche paid
 * and the cover drawn, each crossing of the solvency status (warning below 1.25 × the threshold, critical below it,
 * as /health), and each proposal entering its vote, queued or executed. From the indexer's losses, samples and proposals.
 */
export function protocolEvents(input: FeedInput): FeedEntry[] {
  const amount = (raw: string) => formatAmount(BigInt(raw), input.asset.decimals, { unit: input.asset.symbol });
  const entries: FeedEntry[] = [];

  for (const loss of input.losses) {
    const paid = loss.paid.map((p, i) => `${TRANCHE_NAMES[i] ?? `tranche ${i}`} ${amount(p)}`).join(', ');
    const deficit = BigInt(loss.deficit) > 0n ? `; ${amount(loss.deficit)} was left uncovered (deficit)` : '';
    const strategy = loss.source === 'strategy';
    const market =
      loss.protocol === undefined
        ? loss.market
        : `${protocolLabel(loss.protocol, loss.protocolId ?? 0)} ${loss.market}`;
    entries.push({
      id: `loss-${loss.lossId}`,
      title: strategy
        ? `Loss #${loss.lossId} in a tranche's strategy: ${amount(loss.shortfall)}`
        : `Loss #${loss.lossId} on ${market}: ${amount(loss.shortfall)} shortfall`,
      text: strategy
        ? `A tranche's strategy (its yield vault) lost ${amount(loss.shortfall)} of value, booked against that tranche alone: ${paid}.`
        : `A liquidation on ${market} left ${amount(loss.shortfall)} of bad debt. The backstop covered ${amount(loss.covered)}: ${paid}${deficit}.`,
      time: loss.timestamp,
      path: '/health#losses',
    });
  }

  let previous: SolvencyStatus | null = null;
  for (const s of input.samples) {
    // The indexer stores 0 when nothing is required: that is unbounded, healthy.
    const ratio = BigInt(s.requiredCapital) === 0n ? 2n ** 256n - 1n : BigInt(s.solvencyRatio);
    const status = solvencyStatus(ratio, input.solvencyThreshold);
    if (previous !== null && status !== previous) {
      const shown =
        ratio === 2n ** 256n - 1n ? 'unbounded' : `${formatAmount(ratio * 100n, 18, { fractionDigits: 1 })} %`;
      entries.push({
        id: `solvency-${s.timestamp}-${status}`,
        title: `Solvency ${WORDS[status]}: ${shown} of required capital`,
        text: `The backstop's capital is ${shown} of its required capital (threshold ${formatAmount(input.solvencyThreshold * 100n, 18, { fractionDigits: 0 })} %; warning below 1.25 × it). It was ${previous} before.`,
        time: s.timestamp,
        path: '/health',
      });
    }
    previous = status;
  }

  for (const p of input.proposals) {
    const title = proposalTitle(p.description);
    // The governor lets only a pending proposal be cancelled: a cancelled one never reached its vote.
    if (!p.canceled && input.now > p.voteStart) {
      entries.push({
        id: `proposal-${p.proposalId}-voting`,
        title: `Proposal open for voting: ${title}`,
        text: `Voting on “${title}” opened at ${formatUtc(p.voteStart)}.`,
        time: p.voteStart,
        path: `/governance/${p.proposalId}`,
      });
    }
    if (p.queuedAt) {
      entries.push({
        id: `proposal-${p.proposalId}-queued`,
        title: `Proposal queued: ${title}`,
        text: `“${title}” passed and is queued in the timelock; it can be executed once the delay has passed.`,
        time: p.queuedAt,
        path: `/governance/${p.proposalId}`,
      });
    }
    if (p.executedAt) {
      entries.push({
        id: `proposal-${p.proposalId}-executed`,
        title: `Proposal executed: ${title}`,
        text: `“${title}” was executed: its changes are in force.`,
        time: p.executedAt,
        path: `/governance/${p.proposalId}`,
      });
    }
  }
  return entries.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id)).slice(0, MAX_ENTRIES);
}
