import { readDashboardCached } from '@/lib/chain/cachedDashboard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { readIndexerProgressCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf } from '@/lib/indexer/progress';
import { buildRiskInputsPayload } from '@/lib/risk/worker/inputsPayload';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/**
 * Public risk-model inputs (no wallet): lens markets and tranches plus each market's indexed oracle price history,
 * raw integers as decimal strings. Every read comes from the server's TTL caches shared with /health, so this costs
 * no RPC or indexer request beyond them. While the indexer catches up, historyProblem says so.
 */
export async function GET() {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const settings = healthSettings();
  const [chain, samples, progress] = await Promise.all([
    readDashboardCached(config.config),
    readSamplesCached(settings.indexerUrl),
    readIndexerProgressCached(settings.indexerUrl),
  ]);
  if (!chain.value) {
    return Response.json({ error: chain.failure?.message ?? 'No chain read yet.' }, { status: 503 });
  }
  const catchUp = catchUpOf(progress.value, chain.value.blockNumber, config.config.deployBlock);
  const incomplete = catchUp
    ? `the indexer is still reading the chain (block ${catchUp.indexedBlock} of ${catchUp.chainBlock}, ${catchUp.percent} %): the price history ends at its block`
    : null;
  const payload = buildRiskInputsPayload(chain.value, samples.value, { failure: samples.failure?.message ?? null, incomplete });
  return Response.json(payload, {
    headers: { 'Cache-Control': `public, max-age=${settings.refreshSeconds}, stale-while-revalidate=${settings.refreshSeconds * 6}` },
  });
}
