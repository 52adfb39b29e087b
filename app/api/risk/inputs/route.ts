import { healthSettings } from '@/lib/chain/healthSettings';
import { catchUpOf } from '@/lib/indexer/progress';
import { buildRiskInputsPayload } from '@/lib/risk/worker/inputsPayload';
import { buildLossRecordPayload } from '@/lib/risk/worker/lossRecordPayload';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { requestChain } from '@/lib/server/requestChain';
import { sharedDashboard } from '@/lib/sources/chainSources';
import { lossesSource, progressSource, samplesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { failureOf } from '@/lib/sources/status';

/**
 * Public risk-model inputs (no wallet): lens markets and tranches, each market's indexed oracle price history and
 * the indexed losses with each tranche's capital before them, raw integers as decimal strings. Every read comes from the server's TTL caches shared with /health, so this costs
 * no RPC or indexer request beyond them. While the indexer catches up, historyProblem says so.
 */
export async function GET(request: Request) {
  await admitApiRequest();
  const served = requestChain(request);
  if (served.response) return served.response;
  const { config } = served;
  const settings = healthSettings();
  const indexerUrl = indexerUrlOf(config);
  const [chain, samples, losses, progress] = await Promise.all([
    readSource(sharedDashboard(config)),
    readSource(samplesSource(indexerUrl)),
    readSource(lossesSource(indexerUrl)),
    readSource(progressSource(indexerUrl)),
  ]);
  if (!chain.value) {
    return Response.json({ error: failureOf(chain.status)?.reason ?? 'No chain read yet.' }, { status: 503 });
  }
  const catchUp = catchUpOf(progress.value, chain.value.blockNumber, config.deployBlock);
  const incomplete = catchUp
    ? `the indexer is still reading the chain (block ${catchUp.indexedBlock} of ${catchUp.chainBlock}, ${catchUp.percent} %): the price history ends at its block`
    : null;
  const payload = buildRiskInputsPayload(chain.value, samples.value, {
    failure: failureOf(samples.status)?.reason ?? null,
    incomplete,
    lossRecord: buildLossRecordPayload(
      chain.value,
      samples.value,
      losses.value,
      failureOf(losses.status)?.reason ?? null,
    ),
  });
  return Response.json(payload, {
    headers: {
      'Cache-Control': `public, max-age=${settings.refreshSeconds}, stale-while-revalidate=${settings.refreshSeconds * 6}`,
    },
  });
}
