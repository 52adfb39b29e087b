const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago something happened, in the largest whole unit: 4 -> "4 s ago", 200 -> "3 min ago".
 * A negative age (a chain whose clock runs ahead of ours, e.g. after a time warp on anvil) is said as such
 * rather than hidden.
 */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds)) throw new RangeError(`age must be a finite number, got ${seconds}`);
  const whole = Math.trunc(seconds);
  const span = formatSpan(Math.abs(whole));
  return whole < 0 ? `${span} in the future` : `${span} ago`;
}

/**
 * How long ago this page saw something happen (a read landed, a source failed), from two local clock readings in
 * ms. The page's clock ticks apart from when reads land, so a read can land just after the last tick: that is
 * "0 s ago", never "in the future".
 */
export function formatElapsed(sinceMs: number, nowMs: number): string {
  return formatAge(Math.max(0, (nowMs - sinceMs) / 1000));
}

function formatSpan(seconds: number): string {
  if (seconds < MINUTE) return `${seconds} s`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h`;
  return `${Math.floor(seconds / DAY)} d`;
}
