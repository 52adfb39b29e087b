import { getConfig } from '@/lib/chain/config';
import { healthJson } from '@/lib/health/apiJson';
import { readHealthHeadline } from '@/lib/health/readHealth';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** GET /api/health: headline figures as JSON (schema: docs/api-health.md). */
export async function GET() {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) {
    return Response.json({ error: { message: 'The server is not configured.', since: null }, health: null }, { status: 503 });
  }
  const { chain, snapshot, refreshSeconds, history } = await readHealthHeadline(config.config);
  const now = Date.now();
  const health = snapshot && chain.fetchedAt !== null ? healthJson(snapshot, { fetchedAt: chain.fetchedAt, now, refreshSeconds }) : null;
  const error = chain.failure
    ? { message: chain.failure.message, since: new Date(chain.failure.since).toISOString() }
    : health
      ? null
      : { message: 'No chain read has succeeded yet.', since: null };
  return Response.json(
    { error, health, history: history && { complete: history.ready, indexedBlock: history.indexedBlock.toString() } },
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
