import type { Address } from 'viem';
import { describeReadError } from '@/lib/chain/describeReadError';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { readDashboard, type Dashboard } from '@/lib/chain/readDashboard';
import { fetchAccountFlows } from '@/lib/indexer/client';
import { indexedProposalsSource, lossesSource, samplesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { failureOf } from '@/lib/sources/status';
import type { Flow } from '@/lib/tranches/costBasis';
import { accountAlerts, type AccountAlert } from './accountAlerts';
import { proposalTranches } from './proposalTranches';

export type AccountAlertsRead =
  | {
      ok: true;
      /** The chain's latest block time, unix seconds: what the alerts were derived at. */
      chainTime: number;
      blockNumber: bigint;
      alerts: AccountAlert[];
      /** Set when the indexer could not be read: the request reminders are complete, losses and proposals are not. */
      incomplete: string | null;
    }
  | { ok: false; problem: string };

/**
 * The account's alerts: its requests from the lens (one eth_call, this account's section), its flows from the
 * indexer, and the losses, samples and proposals from the server's shared caches (no extra indexer reads).
 */
export async function loadAccountAlerts(config: PublicConfig, account: Address): Promise<AccountAlertsRead> {
  const indexerUrl = indexerUrlOf(config);
  const [chain, flows, losses, samples, proposals] = await Promise.all([
    readDashboard(config, account).then(
      (value) => ({ value, problem: null }),
      (error: unknown) => ({ value: null, problem: describeReadError(error, config.contracts.lens) }),
    ),
    fetchAccountFlows(indexerUrl, account).then(
      (value): { value: Flow[]; problem: null } => ({ value, problem: null }),
      (error: unknown) => ({ value: null, problem: error instanceof Error ? error.message : String(error) }),
    ),
    readSource(lossesSource(indexerUrl)),
    readSource(samplesSource(indexerUrl)),
    readSource(indexedProposalsSource(indexerUrl)),
  ]);
  if (!chain.value) return { ok: false, problem: chain.problem ?? 'the chain has not been read' };
  const dashboard: Dashboard = chain.value;

  const indexerProblem =
    flows.problem ??
    [losses, proposals].map((r) => (r.value ? null : (failureOf(r.status)?.reason ?? null))).find((p) => p) ??
    (losses.value && proposals.value ? null : 'the indexer has not answered yet');
  const supplyAt = new Map((samples.value ?? []).map((s) => [s.blockNumber, s.tranches]));
  const alerts = accountAlerts({
    now: Number(dashboard.timestamp),
    asset: { decimals: dashboard.module.assetDecimals, symbol: dashboard.module.assetSymbol },
    tranches: dashboard.tranches.map((t, i) => {
      const mine = dashboard.user.tranches[i];
      return {
        id: t.id,
        name: t.name,
        shareSymbol: t.symbol,
        shareDecimals: t.shareDecimals,
        shares: mine?.shares ?? 0n,
        cooldownShares: mine?.cooldownShares ?? 0n,
        cooldownEnd: Number(mine?.cooldownEnd ?? 0n),
        windowEnd: Number(mine?.windowEnd ?? 0n),
        requestValue: mine?.requestValue ?? 0n,
      };
    }),
    flows: flows.value ?? [],
    losses: (flows.value ? (losses.value ?? []) : []).map((loss) => {
      const sampled = supplyAt.get(loss.blockNumber);
      return {
        lossId: loss.lossId,
        market: loss.market,
        source: loss.source,
        timestamp: loss.timestamp,
        blockNumber: BigInt(loss.blockNumber),
        paid: loss.paid.map(BigInt),
        totalSupply: loss.paid.map((_, id) => {
          const supply = sampled?.find((t) => t.id === id)?.totalSupply;
          return supply ? BigInt(supply) : null;
        }),
      };
    }),
    proposals: (proposals.value ?? []).map((p) => ({
      proposalId: p.proposalId,
      description: p.description,
      voteStart: p.voteStart,
      queuedAt: p.queuedAt ?? null,
      canceled: p.canceled,
      tranches: proposalTranches(p, config.contracts.module),
    })),
  });
  return {
    ok: true,
    chainTime: Number(dashboard.timestamp),
    blockNumber: dashboard.blockNumber,
    alerts,
    incomplete: indexerProblem,
  };
}
