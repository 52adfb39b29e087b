export const RANGES = ['7d', '30d', '90d', 'all'] as const;
export type HealthRange = (typeof RANGES)[number];
// The whole history by default: the seeded crash (day 60 of 120) is what a newcomer should see first.
export const DEFAULT_RANGE: HealthRange = 'all';

const RANGE_DAYS: Record<HealthRange, number | null> = { '7d': 7, '30d': 30, '90d': 90, all: null };

/** A search param as a range; anything unknown (or repeated) falls back to the default rather than erroring. */
export function parseRange(value: string | string[] | null | undefined): HealthRange {
  return typeof value === 'string' && (RANGES as readonly string[]).includes(value)
    ? (value as HealthRange)
    : DEFAULT_RANGE;
}

/** The first unix second inside the range, counted back from `now` (chain time); 0 for "all". */
export function rangeStart(range: HealthRange, now: number): number {
  const days = RANGE_DAYS[range];
  return days === null ? 0 : Math.max(0, now - days * 86_400);
}
