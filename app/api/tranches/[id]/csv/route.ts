import { healthSettings } from '@/lib/chain/healthSettings';
import { toCsv } from '@/lib/health/csv';
import { trancheHistoryRequest } from '@/lib/server/trancheHistoryRequests';
import { trancheHistoryTable } from '@/lib/tranches/trancheHistory';
import { TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';

/** GET /api/tranches/:id/csv?range=30d: the tranche's share price, realised APR and capital per sample, as a CSV. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const loaded = await trancheHistoryRequest(request, context);
  if (loaded.response) return loaded.response;
  const { id, range, history } = loaded;
  const table = trancheHistoryTable(history.points, history.asset);
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="backstop-${TRANCHE_SLUGS[id]}-history-${range}.csv"`,
      'Cache-Control': `public, max-age=${healthSettings().refreshSeconds}`,
    },
  });
}
