import { getConfig } from '@/lib/chain/config';
import { healthJson } from '@/lib/health/apiJson';
import { chainsJson } from '@/lib/health/chainsJson';
import { loadChains } from '@/lib/sources/loaders/loadChains';
import { loadHealthHeadline } from '@/lib/sources/loaders/loadHealth';
import { failureOf } from '@/lib/sources/status';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** GET /api/health: headline figures as JSON (schema: docs/api-health.md). */
export async function GET() {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) {
    return Response.json(
      { error: { message: 'The server is not configured.', since: null }, health: null },
      { status: 503 },
    );
  }
  const [{ data, sources }, chains] = await Promise.all([loadHealthHeadline(config.config), loadChains(config.chains)]);
  const { snapshot, refreshSeconds, history, premium } = data;
  const now = Date.now();
  const readAt = sources.chain.readAt;
  const health =
    snapshot && readAt !== null
      ? { ...healthJson(snapshot, { fetchedAt: readAt, now, refreshSeconds }), premium }
      : null;
  const failure = failureOf(sources.chain);
  const error = failure
    ? { message: failure.reason, since: new Date(failure.since).toISOString() }
    : health
      ? null
      : { message: 'No chain read has succeeded yet.', since: null };
  return Response.json(
    {
      error,
      health,
      history: history && { complete: history.ready, indexedBlock: history.indexedBlock.toString() },
      ...chainsJson(chains, now),
    },
    {
      status: error ? 503 : 200,
      headers: {
        'Cache-Control': error
          ? 'no-store'
          : `public, max-age=${refreshSeconds}, stale-while-revalidate=${refreshSeconds * 6}`,
      },
    },
  );
}
