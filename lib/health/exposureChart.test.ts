import { describe, expect, it } from 'vitest';
import type { IndexedSample } from '@/lib/indexer/schema';
import { chartSummary } from './chartSummary';
import { chartTable } from './chartTable';
import { sampleProtocols, sampleRow } from './series';

const asset = { symbol: 'tUSD', decimals: 6 };
const base: IndexedSample = {
  blockNumber: '42',
  timestamp: 1_700_000_000,
  totalCapital: '1000000000000',
  requiredCapital: '150000000000',
  solvencyRatio: '6666666666666666666',
  tranches: [],
  markets: [],
  protocols: [
    { id: 0, name: 'Harbor Perps', active: true, exposure: '120000000000' },
    { id: 1, name: 'Meridian\u0000Perps', active: true, exposure: '30000000000' },
  ],
};
const later: IndexedSample = {
  ...base,
  blockNumber: '43',
  timestamp: 1_700_003_600,
  requiredCapital: '125000000000',
  protocols: [
    { id: 0, name: 'Harbor Perps', active: true, exposure: '125000000000' },
    { id: 1, name: 'Meridian Perps', active: false, exposure: '31000000000' },
  ],
};

describe('the exposure-by-protocol chart', () => {
  it('names each protocol as the latest sample does, cleaned, in id order', () => {
    expect(sampleProtocols([later, base])).toEqual([
      { id: 0, name: 'Harbor Perps' },
      { id: 1, name: 'Meridian Perps' },
    ]);
    expect(sampleProtocols([{ ...base, protocols: undefined }])).toEqual([]);
  });

  it('draws only active protocols, in asset units', () => {
    expect(sampleRow(base, 6).exposure).toEqual({ 0: 120_000, 1: 30_000 });
    expect(sampleRow(later, 6).exposure).toEqual({ 0: 125_000 });
  });

  it('leaves out a suspended protocol and an unreadable one (its 0 is unknown), like a removed one', () => {
    const suspended: IndexedSample = {
      ...base,
      protocols: [
        { id: 0, name: 'Harbor Perps', active: true, suspended: false, readable: false, exposure: '0' },
        { id: 1, name: 'Meridian Perps', active: true, suspended: true, readable: true, exposure: '30000000000' },
      ],
    };
    expect(sampleRow(suspended, 6).exposure).toEqual({});
    expect(chartTable('exposure', [suspended], [], asset).rows[0]!.slice(2)).toEqual(['', '', '150000']);
    expect(chartSummary('exposure', [suspended], [], asset)).toMatch(/do not break/);
  });

  it('tables each protocol’s exposure exactly beside required capital, empty once removed', () => {
    const t = chartTable('exposure', [base, later], [], asset);
    expect(t.header).toEqual([
      'time (UTC)',
      'block',
      'Harbor Perps exposure (tUSD)',
      'Meridian Perps exposure (tUSD)',
      'required (tUSD)',
    ]);
    expect(t.rows.map((r) => r.slice(2))).toEqual([
      ['120000', '30000', '150000'],
      ['125000', '', '125000'],
    ]);
  });

  it('sums up where required capital comes from now', () => {
    expect(chartSummary('exposure', [base], [], asset)).toBe(
      'Now Harbor Perps 120.00K tUSD, Meridian Perps 30,000.00 tUSD; 150.00K tUSD required in all.',
    );
    expect(chartSummary('exposure', [{ ...base, protocols: undefined }], [], asset)).toMatch(/do not break/);
  });
});
