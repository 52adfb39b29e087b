/** Tranche colours, in waterfall order (Junior first). Shared by charts and tables so a tranche reads the same. */
export const TRANCHE_COLORS = ['#f59e0b', '#38bdf8', '#a78bfa'] as const;
export const TRANCHE_NAMES = ['Junior', 'Mezzanine', 'Senior'] as const;
