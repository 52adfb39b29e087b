import { getConfig } from '@/lib/chain/config';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import { memoPremiumHistory, memoTranchePremiumSummaries } from '@/lib/premium/premiumHistoryMemo';
import { curveNow } from '@/lib/premium/premiumSummary';
import { sharedDashboard } from '@/lib/sources/chainSources';
import { premiumsSource, samplesSource, stewardUpdatesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { failureOf } from '@/lib/sources/status';
import { PremiumCard, PremiumUnavailable } from './PremiumCard';

/**
 * Server part of the premium panel: the curve in force and each tranche's charged APR from the chain, the analytic
 * model's fair APR beside it, and the steward's updates from the indexer. `trancheId` narrows it to one tranche
 * (the tranche page); without it every tranche is listed (/health). `chain` is the page's chain, default the default.
 */
export async function PremiumSection({ trancheId, chain }: { trancheId?: number; chain?: PublicConfig }) {
  const config = getConfig();
  if (!config.ok) return null;
  const onChain = chain ?? config.config;
  const indexerUrl = indexerUrlOf(onChain);
  const [lens, samples, premiums, updates] = await Promise.all([
    readSource(sharedDashboard(onChain)),
    readSource(samplesSource(indexerUrl)),
    readSource(premiumsSource(indexerUrl)),
    readSource(stewardUpdatesSource(indexerUrl)),
  ]);
  if (!lens.value) {
    return <PremiumUnavailable reason={failureOf(lens.status)?.reason ?? 'the chain has not been read yet'} />;
  }
  const summaries = memoTranchePremiumSummaries(lens.value, samples.value, premiums.value);
  const indexerProblem = failureOf(premiums.status) ?? failureOf(samples.status);
  return (
    <PremiumCard
      trancheId={trancheId}
      tranches={lens.value.tranches.map((t) => ({ id: t.id, name: t.name }))}
      summaries={summaries}
      curve={curveNow(lens.value)}
      block={{ number: lens.value.blockNumber.toString(), timestamp: Number(lens.value.timestamp) }}
      updates={updates.value}
      history={samples.value && premiums.value ? memoPremiumHistory(samples.value, premiums.value, lens.value) : null}
      indexerProblem={indexerProblem ? indexerProblem.reason : null}
    />
  );
}
