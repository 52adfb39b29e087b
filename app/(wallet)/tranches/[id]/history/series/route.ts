import { downsample, MAX_CHART_POINTS } from '@/lib/health/downsample';
import { positionHistoryRequest } from '@/lib/server/trancheHistoryRequests';
import { toPointJson } from '@/lib/tranches/positionTable';

/**
 * GET /tranches/:id/history/series?account=0x… → the position chart's data: the history's points, thinned to at most
 * MAX_CHART_POINTS with each stretch's lowest PnL and the last point (the lens's) kept; the CSV has every point.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const loaded = await positionHistoryRequest(request, context);
  if (loaded.response) return loaded.response;
  const { history } = loaded;
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
