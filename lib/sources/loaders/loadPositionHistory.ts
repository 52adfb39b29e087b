import type { Address } from 'viem';
import { describeReadError } from '@/lib/chain/describeReadError';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { readDashboard, type Dashboard } from '@/lib/chain/readDashboard';
import { fetchAccountFlows } from '@/lib/indexer/client';
import type { Flow } from '@/lib/tranches/costBasis';
import { positionHistory, type PositionPoint } from '@/lib/tranches/positionHistory';
import type { TrancheId } from '@/lib/tranches/trancheRef';
import { samplesSource } from '../indexerSources';
import { readSource } from '../readSource';
import { failureOf } from '../status';

export type PositionHistory =
  | { ok: false; reason: string }
  | {
      ok: true;
      points: PositionPoint[];
      asset: { symbol: string; decimals: number };
      shares: { symbol: string; decimals: number };
      /** The newest indexed sample's block, or null without any. */
      indexedTo: string | null;
    };

/**
 * An account's position history in one tranche: its flows from the indexer (fresh: they are one visitor's), the
 * tranche's books from the shared samples read, and the lens read now with the account's section, for the last point.
 */
export async function loadPositionHistory(
  config: PublicConfig,
  trancheId: TrancheId,
  account: Address,
): Promise<PositionHistory> {
  const indexerUrl = indexerUrlOf(config);
  const [flowsRead, samples, lensRead] = await Promise.all([
    settle<Flow[]>(fetchAccountFlows(indexerUrl, account)),
    readSource(samplesSource(indexerUrl)),
    settle<Dashboard>(readDashboard(config, account)),
  ]);
  if (!flowsRead.ok) return { ok: false, reason: (flowsRead.error as Error).message };
  if (!lensRead.ok) {
    return {
      ok: false,
      reason: `The chain could not be read: ${describeReadError(lensRead.error, config.contracts.lens)}`,
    };
  }
  const flows = flowsRead.value;
  const lens = lensRead.value;
  const sampleList = samples.value;
  if (!sampleList) return { ok: false, reason: failureOf(samples.status)?.reason ?? 'The indexer has no samples yet.' };

  const tranche = lens.tranches[trancheId];
  const mine = lens.user.tranches[trancheId];
  if (!tranche || !mine) return { ok: false, reason: `The lens reports no tranche #${trancheId}.` };
  const books = sampleList.flatMap((s) => {
    const t = s.tranches.find((x) => x.id === trancheId);
    return t
      ? [
          {
            timestamp: s.timestamp,
            blockNumber: BigInt(s.blockNumber),
            totalAssets: BigInt(t.totalAssets),
            totalSupply: BigInt(t.totalSupply),
          },
        ]
      : [];
  });
  const points = positionHistory({
    flows,
    trancheId,
    samples: books,
    virtualShares: 10n ** BigInt(Math.max(0, tranche.shareDecimals - lens.module.assetDecimals)),
    now: { timestamp: Number(lens.timestamp), blockNumber: lens.blockNumber, shares: mine.shares, value: mine.assets },
  });
  return {
    ok: true,
    points,
    asset: { symbol: lens.module.assetSymbol, decimals: lens.module.assetDecimals },
    shares: { symbol: tranche.symbol, decimals: tranche.shareDecimals },
    indexedTo: sampleList.at(-1)?.blockNumber ?? null,
  };
}

const settle = <T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
