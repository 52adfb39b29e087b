import { maxUint256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { exposureByAssetClass, protocolHealth, type ProtocolReading } from './protocols';

const usd = (n: number) => BigInt(n) * 10n ** 6n;
const wad = (n: number) => BigInt(Math.round(n * 1e6)) * 10n ** 12n;

const first: ProtocolReading = {
  id: 0n,
  clearinghouse: '0x01',
  name: 'Harbor Perps',
  active: true,
  suspended: false,
  readable: true,
  exposure: usd(36_000 + 6_000),
  exposureCap: maxUint256,
  premiumShare: wad(1),
  retainedPremium: 0n,
  markets: [
    { id: 0n, name: 'ETH', longNotional: usd(200_000), shortNotional: usd(100_000), stressLossRate: wad(0.12) },
    { id: 1n, name: 'BTC', longNotional: usd(60_000), shortNotional: 0n, stressLossRate: wad(0.1) },
  ],
};
const second: ProtocolReading = {
  id: 1n,
  clearinghouse: '0x02',
  name: 'Meridian\u0000 Perps',
  active: true,
  suspended: false,
  readable: true,
  exposure: usd(4_500 + 3_750),
  exposureCap: usd(50_000),
  premiumShare: wad(0.6),
  retainedPremium: usd(12),
  markets: [
    { id: 0n, name: 'eth-perp', longNotional: usd(30_000), shortNotional: 0n, stressLossRate: wad(0.15) },
    { id: 1n, name: 'SOL', longNotional: 0n, shortNotional: usd(15_000), stressLossRate: wad(0.25) },
  ],
};
const required = usd(42_000 + 8_250);

describe('protocolHealth', () => {
  it("gives each protocol its cap in use and its share of required capital, with each market's exposure", () => {
    const [a, b] = protocolHealth([first, second], required);
    expect(a!.exposureCap).toBeNull();
    expect(a!.capUsed).toBeNull();
    expect(a!.markets.map((m) => m.exposure)).toEqual([usd(36_000), usd(6_000)]);
    expect(b!.name).toBe('Meridian Perps');
    expect(b!.capUsed).toBe(wad(0.165));
    expect(b!.shareOfRequired).toBe((usd(8_250) * 10n ** 18n) / required);
    expect(a!.shareOfRequired + b!.shareOfRequired).toBeLessThanOrEqual(10n ** 18n);
    // the markets' exposures add up to the protocol's, as the module sums them
    expect(b!.markets.reduce((s, m) => s + m.exposure, 0n)).toBe(second.exposure);
  });

  it('gives a removed protocol no share of required capital', () => {
    const [, removed] = protocolHealth([first, { ...second, active: false }], usd(42_000));
    expect(removed!.shareOfRequired).toBe(0n);
    expect(removed!.exposure).toBe(second.exposure);
  });
});

describe('protocolHealth: suspended and unreadable protocols', () => {
  it('gives a suspended protocol no share of required capital, and says why', () => {
    const [, suspended] = protocolHealth([first, { ...second, suspended: true }], usd(42_000));
    expect(suspended).toMatchObject({ active: true, suspended: true, counted: false, shareOfRequired: 0n });
    expect(suspended!.exposure).toBe(second.exposure);
    expect(suspended!.note).toMatch(/^Suspended: it cannot draw on the waterfall .* until governance resumes it\.$/);
    expect(protocolHealth([first], usd(42_000))[0]!.note).toBeNull();
  });

  it('marks an unreadable protocol and says what it blocks while it still counts, nothing once suspended', () => {
    const unreadable = { ...second, readable: false, exposure: 0n, markets: [] };
    const [, counted] = protocolHealth([first, unreadable], usd(42_000));
    expect(counted).toMatchObject({ readable: false, counted: true, capUsed: null, markets: [] });
    expect(counted!.note).toMatch(/^Unreadable: .* every protocol's new positions are refused\.$/);
    const [, suspended] = protocolHealth([first, { ...unreadable, suspended: true }], usd(42_000));
    expect(suspended!.note).toMatch(/^Unreadable: .* It no longer counts, so it blocks no one\.$/);
  });
});

describe('exposureByAssetClass', () => {
  it('groups every active protocol’s markets by underlying asset, largest first', () => {
    const classes = exposureByAssetClass(protocolHealth([first, second], required), required);
    expect(classes.map((c) => c.assetClass)).toEqual(['ETH', 'BTC', 'SOL']);
    const eth = classes[0]!;
    expect(eth.notional).toBe(usd(330_000));
    expect(eth.exposure).toBe(usd(36_000 + 4_500));
    expect(eth.markets).toEqual(['Harbor Perps · ETH', 'Meridian Perps · eth-perp']);
    expect(classes.reduce((s, c) => s + c.exposure, 0n)).toBe(required);
  });

  it('leaves suspended protocols out', () => {
    const classes = exposureByAssetClass(
      protocolHealth([first, { ...second, suspended: true }], usd(42_000)),
      usd(42_000),
    );
    expect(classes.map((c) => c.assetClass)).toEqual(['ETH', 'BTC']);
    expect(classes.reduce((s, c) => s + c.exposure, 0n)).toBe(usd(42_000));
  });

  it('leaves removed protocols out', () => {
    const classes = exposureByAssetClass(
      protocolHealth([first, { ...second, active: false }], usd(42_000)),
      usd(42_000),
    );
    expect(classes.map((c) => c.assetClass)).toEqual(['ETH', 'BTC']);
    expect(classes[0]!.exposure).toBe(usd(36_000));
  });
});
