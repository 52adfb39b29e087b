import { readDashboardCached } from '@/lib/chain/cachedDashboard';
import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { buildRiskInputsPayload } from '@/lib/risk/worker/inputsPayload';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/**
 * Public risk-model inputs (no wallet): lens markets and tranches plus each market's indexed oracle price history,
 * raw integers as decimal strings. Both reads come from the server's TTL caches shared with /health, so this costs
 * no RPC or indexer request beyond them.
 */
export async function GET() {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const settings = healthSettings();
  const [chain, samples] = await Promise.all([readDashboardCached(config.config), readSamplesCached(settings.indexerUrl)]);
  if (!chain.value) {
    return Response.json({ error: chain.failure?.message ?? 'No chain read yet.' }, { status: 503 });
  }
  const payload = buildRiskInputsPayload(chain.value, samples.value, samples.failure?.message ?? null);
  return Response.json(payload, {
    headers: { 'Cache-Control': `public, max-age=${settings.refreshSeconds}, stale-while-revalidate=${settings.refreshSeconds * 6}` },
  });
}
