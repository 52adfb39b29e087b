/** One event as the sender posts it (docs/alerts-webhook.md, "Payload"). */
export interface WebhookEvent {
  /** The event's id in its source: the feed's entry id, or the account alert's id. */
  id: string;
  source: 'protocol' | 'account';
  /** The account the alert is for (checksummed), null for protocol events. */
  account: string | null;
  kind: string;
  title: string;
  text: string;
  /** RFC 3339 UTC, the chain's time of the event. */
  time: string;
  /** Where to see it in the app. */
  url: string;
}

/** The cursor's key of an event: unique across the protocol feed and every account. */
export const eventKey = (e: WebhookEvent) =>
  e.source === 'protocol' ? `protocol:${e.id}` : `account:${e.account?.toLowerCase()}:${e.id}`;

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** The kind of a feed entry, from its id (lib/feed/protocolEvents.ts). */
export function protocolKind(id: string): string {
  if (id.startsWith('loss-')) return 'loss';
  const solvency = /^solvency-\d+-(healthy|warning|critical)$/.exec(id);
  if (solvency) return `solvency-${solvency[1]}`;
  const proposal = /^proposal-\d+-(voting|queued|executed)$/.exec(id);
  if (proposal) return `proposal-${proposal[1]}`;
  return 'other';
}

async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000), headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new Error(`The app did not answer at ${url}: ${(error as Error).message}. Is it running (npm start)?`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const reason = (json as { error?: unknown } | null)?.error;
    throw new Error(`${url} answered ${response.status}${typeof reason === 'string' ? `: ${reason}` : ''}`);
  }
  return json;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 4_000;

/** The protocol's public events from the app's JSON Feed, oldest first. Entries that do not parse are refused. */
export async function fetchProtocolEvents(appUrl: string): Promise<WebhookEvent[]> {
  const url = new URL('/feed.json', appUrl).toString();
  const feed = (await getJson(url)) as { items?: unknown };
  if (!Array.isArray(feed?.items)) throw new Error(`${url} is not a JSON Feed (no items).`);
  return feed.items
    .map((raw: unknown): WebhookEvent => {
      const item = raw as Record<string, unknown>;
      const id = isText(item.id) ? item.id.slice(item.id.lastIndexOf('#') + 1) : '';
      const time = isText(item.date_published) ? Date.parse(item.date_published) : NaN;
      if (!/^[a-z0-9-]{1,100}$/.test(id) || !isText(item.title) || !isText(item.url) || Number.isNaN(time)) {
        throw new Error(`${url} has an item this sender does not understand: ${JSON.stringify(raw).slice(0, 200)}`);
      }
      return {
        id,
        source: 'protocol',
        account: null,
        kind: protocolKind(id),
        title: item.title,
        text: typeof item.content_text === 'string' ? item.content_text : '',
        time: iso(time / 1000),
        url: item.url,
      };
    })
    .reverse();
}

/** The account's alerts from the app's /api/alerts, oldest first. */
export async function fetchAccountEvents(appUrl: string, account: string): Promise<WebhookEvent[]> {
  const url = new URL(`/api/alerts?account=${encodeURIComponent(account)}`, appUrl).toString();
  const payload = (await getJson(url)) as { account?: unknown; alerts?: unknown };
  if (!isText(payload?.account) || !Array.isArray(payload.alerts)) throw new Error(`${url} did not answer alerts.`);
  return payload.alerts
    .map((raw: unknown): WebhookEvent => {
      const a = raw as Record<string, unknown>;
      if (!isText(a.id) || !isText(a.kind) || !isText(a.title) || typeof a.time !== 'number' || !isText(a.path)) {
        throw new Error(`${url} has an alert this sender does not understand: ${JSON.stringify(raw).slice(0, 200)}`);
      }
      return {
        id: a.id,
        source: 'account',
        account: payload.account as string,
        kind: a.kind,
        title: a.title,
        text: typeof a.text === 'string' ? a.text : '',
        time: iso(a.time),
        url: new URL(a.path, appUrl).toString(),
      };
    })
    .reverse();
}
