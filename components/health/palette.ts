/** Tranche colours, in waterfall order (Junior first). Shared by charts and tables so a tranche reads the same. */
export const TRANCHE_COLORS = ['var(--color-amber-500)', 'var(--color-sky-400)', 'var(--color-violet-400)'] as const;
export const TRANCHE_NAMES = ['Junior', 'Mezzanine', 'Senior'] as const;
