import { healthSettings } from '@/lib/chain/healthSettings';
import { trancheHistoryRequest } from '@/lib/server/trancheHistoryRequests';
import { trancheSeriesPayload } from '@/lib/tranches/trancheSeriesPayload';

/** GET /api/tranches/:id/series?range=30d: the tranche page's public charts (share price, realised APR, capital). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const loaded = await trancheHistoryRequest(request, context);
  if (loaded.response) return loaded.response;
  return Response.json(trancheSeriesPayload({ range: loaded.range, ...loaded.history }), {
    headers: { 'Cache-Control': `public, max-age=${healthSettings().refreshSeconds}` },
  });
}
