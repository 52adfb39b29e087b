import { getConfig } from '@/lib/chain/config';
import { atomFeed } from '@/lib/feed/formats';
import { loadFeed } from '@/lib/feed/loadFeed';
import { admitApiRequest } from '@/lib/server/admitApiRequest';

/** GET /feed.atom: the protocol's events (losses, solvency crossings, proposals queued and executed) as Atom 1.0. */
export async function GET(request: Request) {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return new Response('The server is not configured.\n', { status: 503 });
  const feed = await loadFeed(config.config);
  if ('problem' in feed) return new Response(`The feed is not available: ${feed.problem}.\n`, { status: 503 });
  const body = atomFeed(feed.entries, {
    title: `Backstop events (${config.config.chainName})`,
    origin: new URL(request.url).origin,
    selfPath: '/feed.atom',
  });
  return new Response(body, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
}
