/**
 * A chain time in the reader's own zone and, by default, their locale's order, with the zone named: "5 Dec 2026,
 * 17:30 GMT+9" (en-GB). The server cannot know the reader's zone, so it renders UTC (formatUtc) and the browser
 * upgrades the text with this.
 */
export function formatLocalTime(
  unixSeconds: number,
  options: { timeZone?: string; locale?: string; seconds?: boolean } = {},
): string {
  if (!Number.isFinite(unixSeconds)) return '—';
  return new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' as const } : {}),
    hourCycle: 'h23',
    timeZone: options.timeZone,
    timeZoneName: 'short',
  }).format(new Date(unixSeconds * 1000));
}

/** The ISO 8601 instant for a `<time dateTime>`; empty for a time that is not one. */
export function isoInstant(unixSeconds: number): string {
  return Number.isFinite(unixSeconds) ? new Date(unixSeconds * 1000).toISOString() : '';
}

/** "2026-12-05 08:30:15 UTC": what the server renders where seconds matter (a block's time). */
export function formatUtcSeconds(unixSeconds: number): string {
  const iso = isoInstant(unixSeconds);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '—';
}
