import { getConfig } from '@/lib/chain/config';
import { healthSettings } from '@/lib/chain/healthSettings';
import { toCsv } from '@/lib/health/csv';
import { parseRange } from '@/lib/health/range';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { loadTrancheHistory } from '@/lib/sources/loaders/loadTrancheHistory';
import { trancheHistoryTable } from '@/lib/tranches/trancheHistory';
import { parseTrancheRef, TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';

/** GET /api/tranches/:id/csv?range=30d: the tranche's share price, realised APR and capital per sample, as a CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await admitApiRequest();
  const id = parseTrancheRef((await params).id);
  if (id === null) return Response.json({ error: 'There is no such tranche.' }, { status: 404 });
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const history = await loadTrancheHistory(config.config, id, range);
  if (!history.ok) return Response.json({ error: history.reason }, { status: 503 });
  const table = trancheHistoryTable(history.points, history.asset);
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="backstop-${TRANCHE_SLUGS[id]}-history-${range}.csv"`,
      'Cache-Control': `public, max-age=${healthSettings().refreshSeconds}`,
    },
  });
}
