import { formatElapsed } from '@/lib/format/age';

/** "block 1234, read 2 min ago" for a last-known read. */
export function readFrom(block: bigint | number | string, readAt: number | null, now: number): string {
  return readAt === null ? `block ${block}` : `block ${block}, ${readAgo(readAt, now)}`;
}

/** "read 12 s ago" (or "read 3 min ago") for a last-known read without a block of its own. */
export function readAgo(readAt: number, now: number): string {
  return `read ${formatElapsed(readAt, now)}`;
}

/** "block 1234, 3 min old": the age of the block itself (unix s), for /health whose figures are the chain's. */
export function blockOld(block: bigint | number | string, blockTimestamp: number, now: number): string {
  return `block ${block}, ${Math.max(0, Math.round((now / 1000 - blockTimestamp) / 60))} min old`;
}
