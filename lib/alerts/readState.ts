/** How many read ids are kept per account: the oldest go first (their alerts have long left the list). */
export const MAX_READ_IDS = 500;

/** The localStorage key of one account's read alerts on one chain. */
export function readStateKey(chainId: number, account: string): string {
  return `backstop.alerts.read.v1:${chainId}:${account.toLowerCase()}`;
}

/** The stored read ids; anything else in the slot (edited, corrupt, another version) counts as nothing read. */
export function parseReadIds(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200);
  } catch {
    return [];
  }
}

/** The ids with `ids` added (each once, newest last), at most MAX_READ_IDS. */
export function withRead(read: readonly string[], ids: readonly string[]): string[] {
  const added = ids.filter((id) => !read.includes(id));
  return [...read, ...new Set(added)].slice(-MAX_READ_IDS);
}

/** How many of `alerts` are not in `read`. */
export function unreadCount(alerts: readonly { id: string }[], read: readonly string[]): number {
  const seen = new Set(read);
  return alerts.filter((a) => !seen.has(a.id)).length;
}
