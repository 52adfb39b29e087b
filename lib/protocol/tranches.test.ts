import { describe, expect, it } from 'vitest';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES, TRANCHES } from './tranches';

describe('the tranche table', () => {
  it('lists the tranches in waterfall order, each id its index', () => {
    expect(TRANCHE_IDS).toEqual([0, 1, 2]);
    expect(TRANCHE_NAMES).toEqual(['Junior', 'Mezzanine', 'Senior']);
    TRANCHES.forEach((tranche, index) => expect(tranche.id).toBe(index));
  });

  it('gives each tranche its own symbol and colour', () => {
    expect(new Set(TRANCHES.map((t) => t.symbol)).size).toBe(TRANCHES.length);
    expect(new Set(TRANCHE_COLORS).size).toBe(TRANCHES.length);
  });
});
