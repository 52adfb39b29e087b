import { getConfig } from '@/lib/chain/config';
import { parseRange } from '@/lib/health/range';
import { rangeNow } from '@/lib/health/rangeNow';
import { loadHealth } from '@/lib/sources/loaders/loadHealth';
import { failureOf } from '@/lib/sources/status';
import { seriesPayload } from '@/lib/health/seriesPayload';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** Chart data for /health's charts, fetched by the browser after the page has painted. */
export async function GET(request: Request) {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const { data, sources } = await loadHealth(config.config);
  if (!data.samples || !data.premiums || !data.snapshot) {
    const reason = failureOf(sources.indexer)?.reason ?? failureOf(sources.chain)?.reason;
    return Response.json({ error: reason ?? 'No history yet.' }, { status: 503 });
  }
  const s = data.snapshot;
  const payload = seriesPayload({
    range,
    now: rangeNow(s.blockTimestamp, data.samples.at(-1)?.timestamp ?? null, Date.now()),
    decimals: s.asset.decimals,
    symbol: s.asset.symbol,
    thresholdWad: s.solvencyThreshold,
    warningWad: s.warningBelow,
    samples: data.samples,
    premiums: data.premiums,
  });
  return Response.json(payload, {
    headers: {
      'Cache-Control': `public, max-age=${data.refreshSeconds}, stale-while-revalidate=${data.refreshSeconds * 6}`,
    },
  });
}
