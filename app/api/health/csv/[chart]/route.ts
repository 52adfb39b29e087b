import { getConfig } from '@/lib/chain/config';
import { isChartKind } from '@/lib/health/chartKinds';
import { chartTable } from '@/lib/health/chartTable';
import { toCsv } from '@/lib/health/csv';
import { parseRange } from '@/lib/health/range';
import { historyInRange } from '@/lib/health/historyInRange';
import { loadHealth } from '@/lib/sources/loaders/loadHealth';
import { failureOf } from '@/lib/sources/status';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** GET /api/health/csv/<chart>?range=30d: the chart's data as a CSV download (a plain link, works without JS). */
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  await admitApiRequest();
  const { chart } = await params;
  if (!isChartKind(chart)) return Response.json({ error: `Unknown chart "${chart}".` }, { status: 404 });
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });

  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const { data, sources } = await loadHealth(config.config);
  const { samples, premiums, asset } = historyInRange(data, range, Date.now());
  if (!samples || !premiums) {
    return Response.json({ error: failureOf(sources.indexer)?.reason ?? 'No history yet.' }, { status: 503 });
  }
  const table = chartTable(chart, samples, premiums, asset);
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="backstop-${chart}-${range}.csv"`,
      'Cache-Control': `public, max-age=${data.refreshSeconds}`,
    },
  });
}
