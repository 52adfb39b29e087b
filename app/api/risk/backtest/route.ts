import { backtestPayload } from '@/lib/health/backtestPayload';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { loadBacktest } from '@/lib/sources/loaders/loadBacktest';

/**
 * GET /api/risk/backtest (docs/interfaces.md): the walk-forward backtest of the market-move model on the indexed
 * oracle history, from the server's cache (recomputed only when the indexer's head moves). `?trace=all` answers
 * every forecast of the trace instead of the chart's thinned one.
 */
export async function GET(request: Request) {
  await admitApiRequest();
  const { backtest, status, refreshSeconds } = await loadBacktest();
  const fullTrace = new URL(request.url).searchParams.get('trace') === 'all';
  const payload = backtestPayload(backtest, status, { fullTrace });
  return Response.json(payload, {
    status: backtest ? 200 : 503,
    headers: {
      'Cache-Control': backtest
        ? `public, max-age=${refreshSeconds}, stale-while-revalidate=${refreshSeconds * 6}`
        : 'no-store',
    },
  });
}
