export const TRANCHE_SLUGS = ['junior', 'mezzanine', 'senior'] as const;
export type TrancheId = 0 | 1 | 2;

/** "/tranches/1" and "/tranches/mezzanine" name the same tranche; anything else is not a tranche. */
export function parseTrancheRef(ref: string): TrancheId | null {
  const lower = ref.toLowerCase();
  const bySlug = TRANCHE_SLUGS.indexOf(lower as (typeof TRANCHE_SLUGS)[number]);
  if (bySlug >= 0) return bySlug as TrancheId;
  if (lower === '0' || lower === '1' || lower === '2') return Number(lower) as TrancheId;
  return null;
}

/** Where a tranche sits in the loss waterfall, in words. */
export function waterfallPosition(id: number): string {
  if (id === 0) return 'First loss: pays before anyone else';
  if (id === 1) return 'Second loss: pays once Junior is empty';
  return 'Last loss: pays only once Junior and Mezzanine are empty';
}
