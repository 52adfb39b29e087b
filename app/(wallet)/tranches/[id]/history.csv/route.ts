import { toCsv } from '@/lib/health/csv';
import { positionHistoryRequest } from '@/lib/server/trancheHistoryRequests';
import { positionTable } from '@/lib/tranches/positionTable';
import { TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';

/**
 * GET /tranches/:id/history.csv?account=0x… → the account's position in the tranche over time, one row per indexed
 * sample since its first flow and a last row from the lens now (docs/interfaces.md, "Position history").
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const loaded = await positionHistoryRequest(request, context);
  if (loaded.response) return loaded.response;
  const { id, account, history } = loaded;
  if (!history.ok) return Response.json({ error: history.reason }, { status: 503 });
  const table = positionTable(history.points, history.asset, history.shares);
  const name = `backstop-${TRANCHE_SLUGS[id]}-position-${account.toLowerCase()}.csv`;
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
