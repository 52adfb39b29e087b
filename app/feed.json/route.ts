import { getConfig } from '@/lib/chain/config';
import { jsonFeed } from '@/lib/feed/formats';
import { loadFeed } from '@/lib/feed/loadFeed';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** GET /feed.json: the same events as /feed.atom, as JSON Feed 1.1. */
export async function GET(request: Request) {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const feed = await loadFeed(config.config);
  if ('problem' in feed)
    return Response.json({ error: `The feed is not available: ${feed.problem}.` }, { status: 503 });
  const body = jsonFeed(feed.entries, {
    title: `Backstop events (${config.config.chainName})`,
    origin: new URL(request.url).origin,
    selfPath: '/feed.json',
  });
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
}
