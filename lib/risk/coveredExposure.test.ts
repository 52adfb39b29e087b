import { describe, expect, it } from 'vitest';
import { coveredBooks, coveredProtocolsText, openInterestByAsset, type CoveredProtocolView } from './coveredExposure';

const M = 10n ** 6n;
const market = (name: string, longNotional: bigint, shortNotional: bigint) => ({ name, longNotional, shortNotional });
const harbor: CoveredProtocolView = {
  active: true,
  suspended: false,
  markets: [market('ETH', 2_000_000n * M, 1_000_000n * M), market('BTC', 500n * M, 0n), market('SOL', 7n, 11n)],
};
const meridian: CoveredProtocolView = {
  active: true,
  suspended: false,
  markets: [market('eth-perp', 300_000n * M + 1n, 40_000n * M), market('SOL / USD', 5n, 13n)],
};
const lensMarkets = [
  { id: 0n, ...market('ETH', 2_000_000n * M, 1_000_000n * M), liquidityDepth: 9n },
  { id: 1n, ...market('BTC', 500n * M, 0n), liquidityDepth: 8n },
  { id: 2n, ...market('SOL', 7n, 11n), liquidityDepth: 7n },
];

describe('covered exposure', () => {
  it("adds two protocols' open interest in the same asset, exactly", () => {
    const byAsset = openInterestByAsset([harbor, meridian]);
    expect(byAsset.get('ETH')).toEqual({ longNotional: 2_300_000n * M + 1n, shortNotional: 1_040_000n * M });
    expect(byAsset.get('SOL')).toEqual({ longNotional: 12n, shortNotional: 24n });
    expect(byAsset.get('BTC')).toEqual({ longNotional: 500n * M, shortNotional: 0n });
  });

  it("puts each asset's sum on the lens market of that asset and keeps its book parameters", () => {
    const books = coveredBooks(lensMarkets, [harbor, meridian]);
    expect(books.protocols).toBe(2);
    expect(books.unmodelled).toEqual([]);
    expect(books.markets.map((m) => [m.id, m.longNotional, m.shortNotional, m.liquidityDepth])).toEqual([
      [0n, 2_300_000n * M + 1n, 1_040_000n * M, 9n],
      [1n, 500n * M, 0n, 8n],
      [2n, 12n, 24n, 7n],
    ]);
  });

  it('counts nothing of a removed protocol, even the one whose markets the lens lists', () => {
    const removed = coveredBooks(lensMarkets, [harbor, { ...meridian, active: false }]);
    expect(removed.protocols).toBe(1);
    expect(removed.markets.map((m) => m.longNotional + m.shortNotional)).toEqual([3_000_000n * M, 500n * M, 18n]);
    const firstRemoved = coveredBooks(lensMarkets, [{ ...harbor, active: false }, meridian]);
    expect(firstRemoved.markets.map((m) => [m.longNotional, m.shortNotional])).toEqual([
      [300_000n * M + 1n, 40_000n * M],
      [0n, 0n],
      [5n, 13n],
    ]);
  });

  it('counts nothing of a suspended protocol, as BackstopModule.requiredCapital does', () => {
    const suspended = coveredBooks(lensMarkets, [harbor, { ...meridian, suspended: true }]);
    expect(suspended.protocols).toBe(1);
    expect(suspended.markets.map((m) => m.longNotional + m.shortNotional)).toEqual([3_000_000n * M, 500n * M, 18n]);
    expect(openInterestByAsset([{ ...harbor, suspended: true }]).size).toBe(0);
  });

  it('counts an asset once when the lens lists two markets of it, and names assets it cannot model', () => {
    const twice = [...lensMarkets, { id: 3n, ...market('ETH-2', 1n, 1n), liquidityDepth: 1n }];
    const doge = { active: true, suspended: false, markets: [market('DOGE', 3n, 4n), market('XRP', 0n, 0n)] };
    const books = coveredBooks(twice, [harbor, meridian, doge]);
    expect(books.markets[3]).toMatchObject({ longNotional: 0n, shortNotional: 0n });
    expect(books.markets[0]).toMatchObject({ longNotional: 2_300_000n * M + 1n });
    expect(books.unmodelled).toEqual(['DOGE']);
  });

  it('says how many protocols are summed and which assets are not modelled', () => {
    expect(coveredProtocolsText({ protocols: 2, unmodelled: [] })).toBe('2 covered protocols, summed per asset');
    expect(coveredProtocolsText({ protocols: 1, unmodelled: ['DOGE', 'XRP'] })).toBe(
      '1 covered protocol, summed per asset (not modelled: DOGE, XRP)',
    );
    expect(coveredProtocolsText(undefined)).toBe('1 covered protocol, summed per asset');
  });
});
