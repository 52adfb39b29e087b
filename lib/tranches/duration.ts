const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in its two largest units, e.g. 273_600 -> "3 d 4 h", 150 -> "2 min 30 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= DAY) return pair(Math.floor(s / DAY), 'd', Math.floor((s % DAY) / HOUR), 'h');
  if (s >= HOUR) return pair(Math.floor(s / HOUR), 'h', Math.floor((s % HOUR) / MINUTE), 'min');
  if (s >= MINUTE) return pair(Math.floor(s / MINUTE), 'min', s % MINUTE, 's');
  return `${s} s`;
}

function pair(a: number, unitA: string, b: number, unitB: string): string {
  return b > 0 ? `${a} ${unitA} ${b} ${unitB}` : `${a} ${unitA}`;
}

/** A unix time as an unambiguous UTC timestamp, e.g. "2025-03-01 14:05 UTC". */
export function formatUtc(unixSeconds: number): string {
  const iso = new Date(unixSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
