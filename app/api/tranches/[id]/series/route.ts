import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { parseRange } from '@/lib/health/range';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { loadTrancheHistory } from '@/lib/sources/loaders/loadTrancheHistory';
import { trancheSeriesPayload } from '@/lib/tranches/trancheSeriesPayload';
import { parseTrancheRef } from '@/lib/tranches/trancheRef';

/** GET /api/tranches/:id/series?range=30d: the tranche page's public charts (share price, realised APR, capital). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await admitApiRequest();
  const id = parseTrancheRef((await params).id);
  if (id === null) return Response.json({ error: 'There is no such tranche.' }, { status: 404 });
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const history = await loadTrancheHistory(config.config, id, range);
  if (!history.ok) return Response.json({ error: history.reason }, { status: 503 });
  return Response.json(trancheSeriesPayload({ range, ...history }), {
    headers: { 'Cache-Control': `public, max-age=${healthSettings().refreshSeconds}` },
  });
}
