/**
 * The three tranches in waterfall order (Junior pays first). `id` is the tranche's index in BackstopModule (its
 * JUNIOR, MEZZANINE and SENIOR constants); `symbol` is the vault share's ERC-20 symbol the local stack deploys;
 * `color` is the CSS colour the charts and tables draw the tranche in, so a tranche reads the same everywhere.
 */
export const TRANCHES = [
  { id: 0, name: 'Junior', symbol: 'bsJUN', color: 'var(--color-amber-500)' },
  { id: 1, name: 'Mezzanine', symbol: 'bsMEZ', color: 'var(--color-sky-400)' },
  { id: 2, name: 'Senior', symbol: 'bsSEN', color: 'var(--color-violet-400)' },
] as const;

export type TrancheId = (typeof TRANCHES)[number]['id'];
export type TrancheName = (typeof TRANCHES)[number]['name'];

export const TRANCHE_IDS: readonly TrancheId[] = TRANCHES.map((t) => t.id);
export const TRANCHE_NAMES: readonly TrancheName[] = TRANCHES.map((t) => t.name);
export const TRANCHE_COLORS: readonly string[] = TRANCHES.map((t) => t.color);

/** The vault share token's ERC-20 name ("Backstop Junior"). */
export const trancheTokenName = (name: TrancheName) => `Backstop ${name}`;
