import { isAddress } from 'viem';
import { getConfig } from '@/lib/chain/config';
import { downsample, MAX_CHART_POINTS } from '@/lib/health/downsample';
import { loadPositionHistory } from '@/lib/sources/loaders/loadPositionHistory';
import { toPointJson } from '@/lib/tranches/positionTable';
import { parseTrancheRef } from '@/lib/tranches/trancheRef';

/**
 * GET /tranches/:id/history/series?account=0x… → the position chart's data: the history's points, thinned to at most
 * MAX_CHART_POINTS with each stretch's lowest PnL and the last point (the lens's) kept; the CSV has every point.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (id === null || !isAddress(account))
    return Response.json({ error: 'expected a tranche and ?account=0x…' }, { status: 400 });
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });

  const history = await loadPositionHistory(config.config, id, account);
  if (!history.ok) return Response.json({ available: false, reason: history.reason.replace(/\.$/, '') });
  const shown = downsample(history.points, MAX_CHART_POINTS, (p) => Number(p.pnl));
  return Response.json(
    {
      available: true,
      asset: history.asset,
      shares: history.shares,
      indexedTo: history.indexedTo,
      pointCount: history.points.length,
      points: shown.map(toPointJson),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
