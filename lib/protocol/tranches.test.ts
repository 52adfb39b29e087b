import { describe, expect, it } from 'vitest';
import { TRANCHE_COLORS, TRANCHE_IDS, TRANCHE_NAMES, TRANCHES } from './tranches';

describe('the tranche table', () => {
  // scripts/lib/contractConstants.test.ts checks each id against BackstopModule's JUNIOR, MEZZANINE and SENIOR.
  it('gives each tranche its index as id, and the derived lists keep that order', () => {
    TRANCHES.forEach((tranche, index) => expect(tranche.id).toBe(index));
    expect(TRANCHE_IDS).toEqual(TRANCHES.map((t) => t.id));
    expect(TRANCHE_NAMES).toEqual(TRANCHES.map((t) => t.name));
  });

  it('gives each tranche its own symbol and colour', () => {
    expect(new Set(TRANCHES.map((t) => t.symbol)).size).toBe(TRANCHES.length);
    expect(new Set(TRANCHE_COLORS).size).toBe(TRANCHES.length);
  });
});
