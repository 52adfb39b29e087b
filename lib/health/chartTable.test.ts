import { describe, expect, it } from 'vitest';
import type { IndexedSample } from '@/lib/indexer/schema';
import { chartTable } from './chartTable';
import { toCsv } from './csv';

const sample: IndexedSample = {
  blockNumber: '42',
  timestamp: 1_700_000_000,
  totalCapital: '403962021234',
  requiredCapital: '100000000000',
  solvencyRatio: '4039620212340000000',
  tranches: [0, 1, 2].map((id) => ({
    id,
    totalAssets: '1000000',
    totalSupply: '1000000000000',
    sharePrice: '980000',
    peakSharePrice: '1000000',
    drawdownBps: -200,
  })),
  markets: [],
};

describe('chartTable', () => {
  it('writes exact decimals, never floats', () => {
    const t = chartTable('solvency', [sample], [], { symbol: 'tUSD', decimals: 6 });
    expect(t.header).toEqual(['time (UTC)', 'block', 'solvency ratio (%)', 'capital (tUSD)', 'required (tUSD)']);
    expect(t.rows[0]).toEqual(['2023-11-14T22:13:20.000Z', '42', '403.962021234', '403962.021234', '100000']);
  });
  it('leaves the ratio empty when nothing was required', () => {
    const t = chartTable('solvency', [{ ...sample, solvencyRatio: '0' }], [], { symbol: 'tUSD', decimals: 6 });
    expect(t.rows[0]?.[2]).toBe('');
  });
  it('gives drawdowns in percent and premiums per day', () => {
    expect(chartTable('drawdown', [sample], [], { symbol: 'tUSD', decimals: 6 }).rows[0]?.slice(2)).toEqual([
      '-2.00',
      '-2.00',
      '-2.00',
    ]);
    const p = chartTable(
      'premiums',
      [],
      [{ timestamp: 1_700_006_400, amount: '3500000', byTranche: ['2000000', '1000000', '500000'] }],
      {
        symbol: 'tUSD',
        decimals: 6,
      },
    );
    expect(toCsv(p.header, p.rows)).toBe(
      'day (UTC),Junior premium (tUSD),Mezzanine premium (tUSD),Senior premium (tUSD),total (tUSD)\r\n2023-11-15,2,1,0.5,3.5\r\n',
    );
  });
});
