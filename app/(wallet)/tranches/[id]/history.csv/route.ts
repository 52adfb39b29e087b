import { isAddress } from 'viem';
import { getConfig } from '@/lib/chain/config';
import { toCsv } from '@/lib/health/csv';
import { loadPositionHistory } from '@/lib/sources/loaders/loadPositionHistory';
import { positionTable } from '@/lib/tranches/positionTable';
import { parseTrancheRef, TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';

/**
 * GET /tranches/:id/history.csv?account=0x… → the account's position in the tranche over time, one row per indexed
 * sample since its first flow and a last row from the lens now (docs/interfaces.md, "Position history").
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (id === null || !isAddress(account))
    return Response.json({ error: 'expected a tranche and ?account=0x…' }, { status: 400 });
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });

  const history = await loadPositionHistory(config.config, id, account);
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
