import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/health/csv';
import type { PositionPoint } from './positionHistory';
import { fromPointJson, positionTable, toPointJson } from './positionTable';

const POINT: PositionPoint = {
  timestamp: 1_700_000_000,
  blockNumber: 123n,
  source: 'lens',
  shares: 1_234_567_000_000_000n, // 1 234.567 shares of 12 decimals
  value: 1_300_000_001n, // 1 300.000001 tUSD
  costBasis: 1_250_000_000n,
  netDeposited: 1_000_000_000n,
  realisedPnl: -5_000_000n,
  pnl: 45_000_001n,
};

describe('positionTable', () => {
  it('writes exact decimal amounts under headers that carry the units, times in ISO UTC', () => {
    const table = positionTable([POINT], { symbol: 'tUSD', decimals: 6 }, { symbol: 'bsMEZ', decimals: 12 });
    expect(toCsv(table.header, table.rows)).toBe(
      'time (UTC),block,source,shares (bsMEZ),value (tUSD),cost basis (tUSD),net deposited (tUSD),realised PnL (tUSD),PnL (tUSD)\r\n' +
        '2023-11-14T22:13:20.000Z,123,lens,1234.567,1300.000001,1250,1000,-5,45.000001\r\n',
    );
  });

  it('survives the wire without losing a unit', () => {
    expect(fromPointJson(JSON.parse(JSON.stringify(toPointJson(POINT))))).toEqual(POINT);
  });
});
