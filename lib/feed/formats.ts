import type { FeedEntry } from './protocolEvents';

export interface FeedMeta {
  title: string;
  /** The app's origin, e.g. http://localhost:3000. */
  origin: string;
  /** The feed's own path, e.g. /feed.atom. */
  selfPath: string;
}

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** XML character data and attribute values: the five predefined entities, and no control characters XML forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An Atom 1.0 feed (RFC 4287): entry ids are tag-like URLs on the origin, text content, RFC 3339 times. */
export function atomFeed(entries: readonly FeedEntry[], meta: FeedMeta): string {
  const updated = iso(entries[0]?.time ?? 0);
  const url = (path: string) => xmlEscape(new URL(path, meta.origin).toString());
  const items = entries.map(
    (e) => `  <entry>
    <id>${url(`/feed#${e.id}`)}</id>
    <title>${xmlEscape(e.title)}</title>
    <updated>${iso(e.time)}</updated>
    <link rel="alternate" href="${url(e.path)}"/>
    <summary type="text">${xmlEscape(e.text)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${url('/feed')}</id>
  <title>${xmlEscape(meta.title)}</title>
  <updated>${updated}</updated>
  <author><name>Backstop</name></author>
  <link rel="self" href="${url(meta.selfPath)}"/>
  <link rel="alternate" href="${url('/health')}"/>
${items.join('\n')}
</feed>
`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(entries: readonly FeedEntry[], meta: FeedMeta) {
  const url = (path: string) => new URL(path, meta.origin).toString();
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: url('/health'),
    feed_url: url(meta.selfPath),
    items: entries.map((e) => ({
      id: url(`/feed#${e.id}`),
      url: url(e.path),
      title: e.title,
      content_text: e.text,
      date_published: iso(e.time),
    })),
  };
}
