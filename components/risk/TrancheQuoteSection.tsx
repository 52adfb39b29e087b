import type { PublicConfig } from '@/lib/chain/publicConfig';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import { samplesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { failureOf } from '@/lib/sources/status';
import { realisedApr } from '@/lib/tranches/realisedApr';
import { LazyTrancheQuoteCard } from './LazyTrancheQuoteCard';
import type { RealisedAprSummary } from './TrancheQuoteFrame';

/** Server part of the tranche quote: the realised APR from the cached indexer samples, then the live client card. */
export async function TrancheQuoteSection({ trancheId, chain }: { trancheId: number; chain: PublicConfig }) {
  const samples = await readSource(samplesSource(indexerUrlOf(chain)));
  const failure = failureOf(samples.status);
  let realised: RealisedAprSummary;
  if (!samples.value) {
    realised = { ok: false, reason: `the indexer is unavailable${failure ? `: ${failure.reason}` : ''}` };
  } else {
    const points = samples.value.flatMap((s) => {
      const t = s.tranches.find((x) => x.id === trancheId);
      return t ? [{ timestamp: s.timestamp, sharePrice: BigInt(t.sharePrice) }] : [];
    });
    const apr = realisedApr(points);
    realised = apr.ok
      ? { ok: true, apr: Number(apr.aprBps) / 10_000, from: apr.from.timestamp, to: apr.to.timestamp }
      : { ok: false, reason: apr.reason };
  }
  return <LazyTrancheQuoteCard trancheId={trancheId} realised={realised} />;
}
