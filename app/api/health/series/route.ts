import { getConfig } from '@/lib/chain/config';
import { parseRange } from '@/lib/health/range';
import { rangeNow } from '@/lib/health/rangeNow';
import { readHealth } from '@/lib/health/readHealth';
import { seriesPayload } from '@/lib/health/seriesPayload';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** Chart data for /health's charts, fetched by the browser after the page has painted. */
export async function GET(request: Request) {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const data = await readHealth(config.config);
  if (!data.samples.value || !data.premiums.value || !data.snapshot) {
    const reason = data.samples.failure?.message ?? data.premiums.failure?.message ?? data.chain.failure?.message;
    return Response.json({ error: reason ?? 'No history yet.' }, { status: 503 });
  }
  const s = data.snapshot;
  const payload = seriesPayload({
    range,
    now: rangeNow(s.blockTimestamp, data.samples.value.at(-1)?.timestamp ?? null, Date.now()),
    decimals: s.asset.decimals,
    symbol: s.asset.symbol,
    thresholdWad: s.solvencyThreshold,
    warningWad: s.warningBelow,
    samples: data.samples.value,
    premiums: data.premiums.value,
  });
  return Response.json(payload, {
    headers: { 'Cache-Control': `public, max-age=${data.refreshSeconds}, stale-while-revalidate=${data.refreshSeconds * 6}` },
  });
}
