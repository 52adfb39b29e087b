import { describe, expect, it } from 'vitest';
import { riskInputsFromChain } from '../fromChain';
import { buildRiskInputsPayload, chainStateFromPayload, type LensForRisk, type SampleForRisk } from './inputsPayload';

const WAD = 10n ** 18n;
const lens: LensForRisk = {
  blockNumber: 1234n,
  timestamp: 100n * 3600n,
  module: { assetDecimals: 6, assetSymbol: 'tUSD' },
  markets: [
    {
      id: 0n,
      name: 'ETH',
      price: 3_000n * 10n ** 8n,
      priceDecimals: 8,
      priceUpdatedAt: 100n * 3600n - 60n,
      longNotional: 2_000_000n * 10n ** 6n,
      shortNotional: 1_000_000n * 10n ** 6n,
      maintenanceMarginRate: WAD / 20n,
      liquidationImpact: WAD / 10n,
      liquidityDepth: 5_000_000n * 10n ** 6n,
    },
  ],
  tranches: [
    { id: 2, name: 'Senior', totalAssets: 3n * 10n ** 12n },
    { id: 0, name: 'Junior', totalAssets: 1n * 10n ** 12n },
  ],
};

const samples: SampleForRisk[] = Array.from({ length: 60 }, (_, i) => ({
  timestamp: (40 + i) * 3600,
  markets: [{ id: 0, price: String(3_000n * 10n ** 8n + BigInt((i % 5) * 10 ** 9)), priceDecimals: 8 }],
}));

describe('risk inputs payload', () => {
  it('carries raw integers as strings, tranches in waterfall order, history plus the current oracle answer', () => {
    const payload = buildRiskInputsPayload(lens, samples, { failure: null });
    expect(payload.blockNumber).toBe('1234');
    expect(payload.tranches.map((t) => t.id)).toEqual([0, 2]);
    expect(payload.markets[0]?.liquidityDepth).toBe('5000000000000');
    const points = payload.priceHistories[0]?.points ?? [];
    expect(points).toHaveLength(61);
    expect(points.at(-1)).toEqual({ timestamp: 100 * 3600 - 60, price: '300000000000' });
    expect(payload.historyProblem).toBeNull();
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('round-trips into model inputs', () => {
    const state = chainStateFromPayload(buildRiskInputsPayload(lens, samples, { failure: null }));
    const { inputs, dynamics } = riskInputsFromChain(state);
    expect(inputs.markets[0]).toMatchObject({
      longNotional: 2e6,
      shortNotional: 1e6,
      maintenanceMarginRate: 0.05,
      liquidationImpact: 0.1,
      liquidityDepth: 5e6,
    });
    expect(inputs.tranches.map((t) => t.capital)).toEqual([1e6, 3e6]);
    expect(dynamics.estimated).toBe(true);
    expect(inputs.markets[0]!.volatility).toBeGreaterThan(0);
  });

  it('keeps only the window and says why when history is short or missing', () => {
    const short = buildRiskInputsPayload(lens, samples, { failure: null }, 5 * 3600);
    expect(short.priceHistories[0]?.points.length).toBe(6);
    expect(short.historyProblem).toMatch(/only 5 price returns/);
    const none = buildRiskInputsPayload(lens, null, { failure: 'indexer down' });
    expect(none.priceHistories[0]?.points).toHaveLength(1);
    expect(none.historyProblem).toBe('indexer down');
  });

  it('says when the history is incomplete because the indexer is still reading the chain', () => {
    const catchingUp = buildRiskInputsPayload(lens, samples, {
      failure: null,
      incomplete: 'the indexer is still reading the chain',
    });
    expect(catchingUp.historyProblem).toBe('the indexer is still reading the chain');
    expect(buildRiskInputsPayload(lens, samples, { failure: null }).historyProblem).toBeNull();
    // A failed read says why on its own; the catch-up adds nothing then.
    expect(
      buildRiskInputsPayload(lens, null, {
        failure: 'indexer down',
        incomplete: 'the indexer is still reading the chain',
      }).historyProblem,
    ).toBe('indexer down');
  });

  it("ends a market's history at its oracle's last update (later samples only repeat it)", () => {
    const stale: LensForRisk = {
      ...lens,
      timestamp: 200n * 3600n,
      markets: lens.markets.map((m) => ({ ...m, priceUpdatedAt: 80n * 3600n })),
    };
    const later = [
      ...samples,
      ...Array.from({ length: 50 }, (_, i) => ({
        timestamp: (101 + i) * 3600,
        markets: [{ id: 0, price: '1', priceDecimals: 8 }],
      })),
    ];
    const payload = buildRiskInputsPayload(stale, later, { failure: null });
    const points = payload.priceHistories[0]?.points ?? [];
    expect(points.at(-1)?.timestamp).toBe(80 * 3600);
    expect(points.every((p) => p.price !== '1')).toBe(true);
    expect(payload.historyProblem).toMatch(/last updated 120 h before this block/);
  });

  it("gives the model every active protocol's open interest in the asset's market, and counts them", () => {
    const eth = lens.markets[0]!;
    const protocols = [
      {
        active: true,
        suspended: false,
        markets: [{ name: 'ETH', longNotional: eth.longNotional, shortNotional: eth.shortNotional }],
      },
      {
        active: true,
        suspended: false,
        markets: [{ name: 'ETH-PERP', longNotional: 500_000n * 10n ** 6n, shortNotional: 7n }],
      },
      {
        active: false,
        suspended: false,
        markets: [{ name: 'ETH', longNotional: 9n * 10n ** 12n, shortNotional: 9n * 10n ** 12n }],
      },
    ];
    const payload = buildRiskInputsPayload({ ...lens, protocols }, samples, { failure: null });
    expect(payload.markets[0]).toMatchObject({ longNotional: '2500000000000', shortNotional: '1000000000007' });
    expect(payload.exposure).toEqual({ protocols: 2, unmodelled: [] });
    const { inputs } = riskInputsFromChain(chainStateFromPayload(payload));
    expect(inputs.markets[0]).toMatchObject({
      longNotional: 2.5e6,
      shortNotional: 1_000_000.000007,
      liquidityDepth: 5e6,
    });
    // A lens from before several protocols: its own markets, one protocol.
    expect(buildRiskInputsPayload(lens, samples, { failure: null }).exposure).toEqual({ protocols: 1, unmodelled: [] });
  });
});
